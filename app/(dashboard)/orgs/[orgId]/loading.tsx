import { LoadingRows } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <div className="space-y-6">
      <div className="h-8 w-64 animate-pulse rounded-md bg-slate-200" />
      <LoadingRows rows={5} label="Loading page" />
    </div>
  );
}
