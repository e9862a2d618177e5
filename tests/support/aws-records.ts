// AWS wizard records made straight in the database, for suites that need a recorded role (its
// MaxSessionDuration, its trust policy) without depending on the wizard's API.
import type { Db } from '../../lib/server/db/client';
import { newId } from '../../lib/server/security/ids';

export interface RoleRecord {
  orgId: string;
  accountId?: string;
  name: string;
  path?: string;
  maxSessionDuration?: number;
  trustPolicy?: unknown;
}

export async function recordRole(db: Db, role: RoleRecord): Promise<{ id: string; arn: string }> {
  const accountId = role.accountId ?? '123456789012';
  const path = role.path ?? '/';
  const arn = `arn:aws:iam::${accountId}:role${path}${role.name}`;
  const id = newId();
  await db.awsRole.create({
    data: {
      id,
      orgId: role.orgId,
      accountId,
      name: role.name,
      nameKey: role.name.toLowerCase(),
      path,
      arn,
      maxSessionDuration: role.maxSessionDuration ?? 3600,
      trustPolicy: JSON.stringify(role.trustPolicy ?? { Version: '2012-10-17', Statement: [] }),
      managedPolicyArns: '[]',
    },
  });
  return { id, arn };
}

/** A trust policy admitting the org's environments whose sub matches `subPattern` (StringLike). */
export function trustPolicyFor(issuer: string, accountId: string, subPattern: string) {
  const prefix = issuer.replace(/^https?:\/\//, '');
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Trustbridge',
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${accountId}:oidc-provider/${prefix}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${prefix}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${prefix}:sub`]: subPattern } },
      },
    ],
  };
}
