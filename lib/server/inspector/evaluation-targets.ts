import 'server-only';
import type { TEvaluationTargets } from '@/lib/schemas/inspector';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';

// What "would this role accept it" can be asked about: recorded roles, saved trust policies and
// deployment credentials (their role is evaluated through the recorded role of the same ARN).
// Small selects of our own; the AWS wizard and the credentials API own these records (issues 9, 10).

const LIMIT = 500;

export async function listEvaluationTargets(access: OrgAccess): Promise<TEvaluationTargets> {
  const db = getDb();
  const [roles, policies, credentials] = await Promise.all([
    db.awsRole.findMany({ where: { orgId: access.orgId }, select: { id: true, name: true, arn: true, accountId: true }, orderBy: { name: 'asc' }, take: LIMIT }),
    db.trustPolicy.findMany({ where: { orgId: access.orgId }, select: { id: true, name: true }, orderBy: { name: 'asc' }, take: LIMIT }),
    db.deploymentCredential.findMany({ where: { orgId: access.orgId }, select: { id: true, name: true, roleArn: true }, orderBy: { name: 'asc' }, take: LIMIT }),
  ]);
  const roleByArn = new Map(roles.map((r) => [r.arn, r.id]));
  return { roles, trustPolicies: policies, credentials: credentials.map((c) => ({ ...c, roleId: roleByArn.get(c.roleArn) ?? null })) };
}
