'use client';
import { useState } from 'react';
import { CodeBlock } from '@/components/ui/code-block';
import { SelectField, TextField } from '@/components/ui/field';
import { AWS_PROFILE_PATTERN } from '@/lib/domain/aws/limits';

export interface SnippetRole {
  label: string;
  /** null: no --role-arn, the CLI asks Trustbridge for the environment's effective credential. */
  roleArn: string | null;
  region: string | null;
}

/** What a workload needs, to copy: the CLI's environment variables, a self-refreshing AWS profile, a one-off login. */
export function workloadSnippets(publicUrl: string, profile: string, role: SnippetRole): { env: string; config: string; login: string } {
  const pin = role.roleArn ? ` --role-arn ${role.roleArn}` : '';
  const section = profile === 'default' ? '[default]' : `[profile ${profile}]`;
  return {
    env: `export TRUSTBRIDGE_URL=${publicUrl}\nexport TRUSTBRIDGE_TOKEN=tbe_…   # a token of the environment (shown once when it is created)`,
    config: [section, `credential_process = trustbridge idp credential-process${pin}`, ...(role.region ? [`region = ${role.region}`] : [])].join('\n'),
    login: `trustbridge idp login aws --profile ${profile}${pin}\naws sts get-caller-identity --profile ${profile}`,
  };
}

export function WorkloadSnippets({ publicUrl, roles }: { publicUrl: string; roles: readonly SnippetRole[] }) {
  const [profile, setProfile] = useState('trustbridge');
  const [which, setWhich] = useState(0);
  const role = roles[which] ?? roles[0] ?? { label: '', roleArn: null, region: null };
  const valid = AWS_PROFILE_PATTERN.test(profile);
  const snippets = workloadSnippets(publicUrl, valid ? profile : 'trustbridge', role);
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="AWS profile name"
          value={profile}
          onChange={(e) => setProfile(e.target.value.trim())}
          error={valid ? undefined : 'A profile name is 1–128 letters, digits and _.@+=,:/- (what the CLI accepts).'}
          autoComplete="off"
          spellCheck={false}
        />
        {roles.length > 1 ? (
          <SelectField label="Role" value={String(which)} onChange={(e) => setWhich(Number(e.target.value))}>
            {roles.map((r, i) => (
              <option key={`${r.label}-${i}`} value={i}>
                {r.label}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      <div>
        <p className="mb-1.5 text-sm text-slate-700">1. In the workload’s environment (the CLI is <code className="font-mono text-xs">dist/trustbridge.mjs</code>; run it as <code className="font-mono text-xs">trustbridge</code> or <code className="font-mono text-xs">node trustbridge.mjs</code>):</p>
        <CodeBlock label="Environment variables" code={snippets.env} />
      </div>
      <div>
        <p className="mb-1.5 text-sm text-slate-700">2. Credentials that refresh themselves for the AWS CLI and SDKs — add to <code className="font-mono text-xs">~/.aws/config</code>:</p>
        <CodeBlock label="~/.aws/config" code={snippets.config} />
      </div>
      <div>
        <p className="mb-1.5 text-sm text-slate-700">Or write short-lived credentials to <code className="font-mono text-xs">~/.aws/credentials</code> once:</p>
        <CodeBlock label="Login command" code={snippets.login} />
      </div>
    </div>
  );
}
