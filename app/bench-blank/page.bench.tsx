// Reference page of the page-weight budget (npm run bench): the same stack — root layout, React,
// TanStack Query provider, Tailwind stylesheet — with no content. Exists only in benchmark builds
// (next.config.mjs adds the `bench.tsx` page extension when TRUSTBRIDGE_BENCH_BUILD=1).
export default function BlankPage() {
  return <main />;
}
