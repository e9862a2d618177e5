'use client';
import { Button } from '@/components/ui/button';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-4 px-4 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">Something went wrong</h1>
      <p className="max-w-md text-sm text-slate-600">
        The page could not be loaded. Try again; if it keeps failing, quote this reference when you report it: <code className="font-mono">{error.digest ?? 'n/a'}</code>
      </p>
      <Button onClick={reset}>Try again</Button>
    </main>
  );
}
