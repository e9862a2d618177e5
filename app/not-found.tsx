import Link from 'next/link';
import { Logo } from '@/components/ui/icons';

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 px-4 text-center">
      <Logo className="size-10" />
      <h1 className="text-2xl font-semibold text-slate-900">Page not found</h1>
      <p className="max-w-md text-sm text-slate-600">This page does not exist, or it belongs to an organization you are not a member of.</p>
      <Link href="/" className="font-medium text-brand-700 hover:underline">
        Go to your organizations
      </Link>
    </main>
  );
}
