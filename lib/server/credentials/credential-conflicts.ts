import 'server-only';
import type { DbOrTx } from '../db/client';
import { alreadyExists, prismaErrorCode } from '../errors';
import { ORG_SCOPE } from './credential-dto';

// One credential per scope (the organization, or one project) and unique names per organization
// (prisma/schema.prisma). Checked before writing, so the 409 names the field; a concurrent writer
// that slips between check and write trips the unique index (P2002) and gets the same answer.

export async function requireFreeScopeAndName(db: DbOrTx, orgId: string, want: { scopeKey?: string; name?: string }, exceptId?: string): Promise<void> {
  const not = exceptId ? { id: { not: exceptId } } : {};
  if (want.scopeKey !== undefined) {
    const taken = await db.deploymentCredential.findFirst({ where: { orgId, scopeKey: want.scopeKey, ...not }, select: { name: true } });
    if (taken) {
      throw want.scopeKey === ORG_SCOPE
        ? alreadyExists(`This organization already has its default credential ("${taken.name}"). Edit that one, or give this credential a project.`, 'scope')
        : alreadyExists(`This project already has a credential ("${taken.name}"). Edit that one instead.`, 'projectId');
    }
  }
  if (want.name !== undefined) {
    const taken = await db.deploymentCredential.findFirst({ where: { orgId, name: want.name, ...not }, select: { id: true } });
    if (taken) throw alreadyExists(`A credential named "${want.name}" already exists in this organization.`, 'name');
  }
}

/** After a unique-index violation: the same 409 as the check above would have given. */
export async function explainUniqueViolation(db: DbOrTx, error: unknown, orgId: string, want: { scopeKey?: string; name?: string }, exceptId?: string): Promise<never> {
  if (prismaErrorCode(error) !== 'P2002') throw error;
  await requireFreeScopeAndName(db, orgId, want, exceptId);
  throw alreadyExists('A credential with the same name or scope already exists in this organization.');
}
