'use client';
import { z } from 'zod';
import { LintPanel } from '@/components/trust-policy/lint-panel';
import { Alert } from '@/components/ui/alert';
import { CodeBlock } from '@/components/ui/code-block';
import { ApiError } from '@/lib/client/api';
import { ZLintFinding } from '@/lib/schemas/aws';

// An AWS refusal explained: what went wrong (the server's message already says how to fix it), the
// IAM action that was missing with the minimal policy to copy, the lint findings that blocked a
// trust policy, the fields a validation named, and what AWS itself said.

const TITLES: Record<string, string> = {
  aws_credentials_missing: 'No AWS credentials to use',
  aws_invalid_credentials: 'AWS does not accept these credentials',
  aws_account_mismatch: 'These credentials belong to another AWS account',
  issuer_not_usable_by_aws: 'AWS cannot use this issuer URL',
  lint_errors: 'The trust policy has errors',
  aws_malformed_policy: 'IAM refused the policy document',
  aws_not_found: 'Something this needs does not exist in AWS',
  aws_validation_error: 'IAM refused a value',
  aws_access_denied: 'AWS refused: a permission is missing',
  aws_entity_exists: 'It exists in AWS already and cannot be taken over',
  aws_limit_exceeded: 'An IAM quota is reached',
  aws_delete_conflict: 'AWS cannot delete it yet',
  aws_throttled: 'AWS is throttling requests',
  aws_unreachable: 'AWS did not answer',
  aws_error: 'AWS failed',
  version_conflict: 'Someone else changed this record',
  already_exists: 'This exists already',
  invalid_request: 'Check these fields',
  invalid_policy: 'The trust policy is not valid',
  network_error: 'Trustbridge did not answer',
};

const ZDetails = z.object({
  missingAction: z.string().optional(),
  requiredPolicy: z.record(z.string(), z.unknown()).optional(),
  findings: z.array(ZLintFinding).optional(),
  awsCode: z.string().nullable().optional(),
  awsMessage: z.string().optional(),
  awsAccountId: z.string().optional(),
  retryAfter: z.unknown().optional(),
});

export function awsErrorTitle(code: string): string {
  return TITLES[code] ?? 'It did not work';
}

export function AwsErrorDetails({ error, labels = {} }: { error: unknown; labels?: Readonly<Record<string, string>> }) {
  if (!(error instanceof ApiError)) return <Alert tone="error" title="It did not work">Something unexpected went wrong. Try again.</Alert>;
  const parsed = ZDetails.safeParse(error.details);
  const d = parsed.success ? parsed.data : {};
  const lintErrors = (d.findings ?? []).filter((f) => f.severity === 'error');
  return (
    <Alert tone="error" title={awsErrorTitle(error.code)}>
      <div className="space-y-3">
        <p className="wrap-anywhere">{error.message}</p>
        {error.issues.length > 0 ? (
          <ul className="list-disc space-y-0.5 pl-5">
            {error.issues.map((issue) => (
              <li key={`${issue.path}-${issue.message}`}>
                <span className="font-medium">{labels[issue.path] ?? issue.path}</span>: {issue.message}
              </li>
            ))}
          </ul>
        ) : null}
        {d.missingAction ? (
          <p>
            Missing IAM action: <code className="rounded bg-white px-1.5 py-0.5 font-mono text-xs text-red-900 ring-1 ring-red-200">{d.missingAction}</code>
          </p>
        ) : null}
        {d.requiredPolicy ? (
          <div className="space-y-1.5 text-slate-800">
            <p>The minimal policy for this step — attach it to the user or role of the credentials, then try again:</p>
            <CodeBlock code={JSON.stringify(d.requiredPolicy, null, 2)} label="Minimal IAM policy for this step" />
          </div>
        ) : null}
        {lintErrors.length > 0 ? (
          <div className="text-slate-800">
            <LintPanel findings={lintErrors} checks={[]} />
          </div>
        ) : null}
        {d.awsCode ? (
          <p className="text-xs text-red-800 wrap-anywhere">
            AWS said: <code className="font-mono">{d.awsCode}</code>
            {d.awsMessage ? ` — ${d.awsMessage}` : ''}
          </p>
        ) : null}
      </div>
    </Alert>
  );
}
