// AWS helpers for the wizard's tests: pasted credentials (with a unique secret, so tests can search
// for it), records made through the API, and readback of what is in the emulator with the real AWS
// CLI — a client that is not ours.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { expectStatus, unique } from './fixtures';
import type { TestClient } from './http-client';
import type { RunningMoto } from './moto';

export type AwsCli = Pick<RunningMoto, 'aws' | 'url' | 'clientEnv'>;

/** Credentials as an admin pastes them; moto accepts any key unless it enforces auth. */
export const pastedCredentials = (label = 'secret') => ({ accessKeyId: 'AKIAMOTOTESTKEY00001', secretAccessKey: `${label}-${randomBytes(12).toString('base64url')}` });

export const awsPath = (orgId: string) => `/api/v1/orgs/${orgId}/aws`;

/** Runs the AWS CLI and returns its JSON output, failing the test with stderr when it fails. */
export function cli(moto: AwsCli, args: string[], env: Record<string, string> = {}): Record<string, unknown> {
  const r = moto.aws(args, env);
  if (r.status !== 0) throw new Error(`aws ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return (r.json ?? {}) as Record<string, unknown>;
}

export interface RoleInCli {
  Path: string;
  RoleName: string;
  Arn: string;
  MaxSessionDuration: number;
  Description?: string;
  AssumeRolePolicyDocument: Record<string, unknown>;
  Tags?: { Key: string; Value: string }[];
}

/** get-role (the CLI decodes the URL-encoded policy) or null when the role does not exist. */
export function roleInCli(moto: AwsCli, name: string, env: Record<string, string> = {}): RoleInCli | null {
  const r = moto.aws(['iam', 'get-role', '--role-name', name], env);
  if (r.status !== 0) {
    expect(r.stderr).toMatch(/NoSuchEntity/);
    return null;
  }
  return (r.json as { Role: RoleInCli }).Role;
}

export function attachedInCli(moto: AwsCli, name: string, env: Record<string, string> = {}): string[] {
  const r = cli(moto, ['iam', 'list-attached-role-policies', '--role-name', name], env) as { AttachedPolicies: { PolicyArn: string }[] };
  return r.AttachedPolicies.map((p) => p.PolicyArn).sort();
}

export function providerInCli(moto: AwsCli, arn: string, env: Record<string, string> = {}) {
  const r = moto.aws(['iam', 'get-open-id-connect-provider', '--open-id-connect-provider-arn', arn], env);
  if (r.status !== 0) {
    expect(r.stderr).toMatch(/NoSuchEntity|not found/i);
    return null;
  }
  return r.json as { Url: string; ClientIDList: string[]; ThumbprintList: string[]; Tags?: { Key: string; Value: string }[] };
}

/** A customer managed policy in the emulator (moto has no AWS managed policies). */
export function managedPolicy(moto: AwsCli, name = unique('tb-policy'), env: Record<string, string> = {}): string {
  const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }] });
  const r = cli(moto, ['iam', 'create-policy', '--policy-name', name, '--policy-document', document], env) as { Policy: { Arn: string } };
  return r.Policy.Arn;
}

/** The trust policy the builder's "this organization" preset writes, for a role in `accountId`. */
export function orgTrustPolicy(orgId: string, issuer: string, accountId = '123456789012') {
  const prefix = issuer.replace(/^https?:\/\//, '');
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${accountId}:oidc-provider/${prefix}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${prefix}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${prefix}:sub`]: `org:${orgId}:*` } },
      },
    ],
  };
}

export async function createRole(client: TestClient, orgId: string, body: Record<string, unknown>) {
  return expectStatus(await client.post(`${awsPath(orgId)}/roles`, body), 201).json;
}
