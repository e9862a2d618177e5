import { Alert } from '@/components/ui/alert';
import { ISSUER_URL_FIX, issuerUrlProblems } from '@/lib/domain/issuer/issuer-url';

/** Shown wherever the issuer URL is: why AWS cannot trust it (if it cannot), and how to fix it. */
export function IssuerUrlWarning({ issuer, className }: { issuer: string; className?: string }) {
  const problems = issuerUrlProblems(issuer);
  if (problems.length === 0) return null;
  return (
    <Alert tone="warning" title="AWS cannot trust this issuer URL" className={className}>
      <ul className="list-disc space-y-0.5 pl-5">
        {problems.map((p) => (
          <li key={p.code}>{p.message}</li>
        ))}
      </ul>
      <p className="mt-1.5">{ISSUER_URL_FIX}</p>
    </Alert>
  );
}
