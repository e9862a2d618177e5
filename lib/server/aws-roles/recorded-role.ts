import 'server-only';
import { parseRoleArn } from '@/lib/domain/aws/arn';
import type { DbOrTx } from '../db/client';

// The AWS wizard's record of a role (issue 9's AwsRole rows), looked up by what identifies a role
// in IAM: partition, account and name — names are unique case-insensitively per account
// (`nameKey` is the lowercased name), whatever the path. Used to keep durations within the
// role's MaxSessionDuration and to pre-check tokens against its trust policy.

export interface RecordedRole {
  id: string;
  name: string;
  arn: string;
  accountId: string;
  maxSessionDuration: number;
  /** Canonical IAM JSON of the trust policy as recorded. */
  trustPolicy: string;
}

const SELECT = { id: true, name: true, arn: true, accountId: true, partition: true, nameKey: true, maxSessionDuration: true, trustPolicy: true } as const;

function keyOfArn(roleArn: string): string | null {
  const parts = parseRoleArn(roleArn);
  return parts.ok ? `${parts.partition}:${parts.accountId}:${parts.name.toLowerCase()}` : null;
}

/** The recorded roles of these ARNs in one query, keyed by ARN (ARNs without a record are absent). */
export async function findRecordedRoles(db: DbOrTx, orgId: string, roleArns: Iterable<string>): Promise<Map<string, RecordedRole>> {
  const wanted = new Map<string, string[]>();
  for (const arn of new Set(roleArns)) {
    const key = keyOfArn(arn);
    if (key) wanted.set(key, [...(wanted.get(key) ?? []), arn]);
  }
  const found = new Map<string, RecordedRole>();
  if (wanted.size === 0) return found;
  const nameKeys = [...new Set([...wanted.keys()].map((k) => k.split(':')[2] ?? ''))];
  const rows = await db.awsRole.findMany({ where: { orgId, nameKey: { in: nameKeys } }, select: SELECT, orderBy: { id: 'asc' } });
  for (const row of rows) {
    const arns = wanted.get(`${row.partition}:${row.accountId}:${row.nameKey}`) ?? [];
    for (const arn of arns) if (!found.has(arn)) found.set(arn, { id: row.id, name: row.name, arn: row.arn, accountId: row.accountId, maxSessionDuration: row.maxSessionDuration, trustPolicy: row.trustPolicy });
  }
  return found;
}

export async function findRecordedRole(db: DbOrTx, orgId: string, roleArn: string): Promise<RecordedRole | null> {
  return (await findRecordedRoles(db, orgId, [roleArn])).get(roleArn) ?? null;
}

/** The role summary the API shows next to an ARN. */
export const roleSummary = (role: RecordedRole | null | undefined) => (role ? { id: role.id, name: role.name, maxSessionDuration: role.maxSessionDuration } : null);

/** AWS: DurationSeconds 900 … the role's MaxSessionDuration. Null when within it (or the role is not recorded). */
export function durationAboveMaximum(role: RecordedRole | null | undefined, durationSeconds: number): string | null {
  if (!role || durationSeconds <= role.maxSessionDuration) return null;
  return `The role ${role.name} allows sessions of at most ${role.maxSessionDuration} seconds (its MaxSessionDuration); ${durationSeconds} is above that limit.`;
}
