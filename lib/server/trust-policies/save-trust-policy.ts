import 'server-only';
import { renderPolicy } from '@/lib/domain/trust-policy';
import type { TBuilderChoice, TTrustPolicy } from '@/lib/schemas/trust-policy';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { getDb } from '../db/client';
import { alreadyExists, notFound, prismaErrorCode, versionConflict } from '../errors';
import { newId } from '../security/ids';
import { lintContext } from './lint-context';
import { parsePolicyInput } from './parse-policy-input';
import { toTrustPolicyDto, trustPolicySnapshot } from './trust-policy-dto';

// Saved policies are stored as canonical IAM JSON (renderPolicy of the parsed input): whatever the
// builder cannot express is kept verbatim, and invalid JSON never gets in (400 invalid_policy).
// Lint findings do not block saving — a policy being worked on may have them; the list shows them.

interface Input {
  name: string;
  description: string;
  policy: unknown;
  builder: TBuilderChoice | null;
}

const builderJson = (choice: TBuilderChoice | null) => (choice === null ? null : JSON.stringify(choice));

function uniqueName(error: unknown, name: string): never {
  if (prismaErrorCode(error) === 'P2002') throw alreadyExists(`A trust policy named "${name}" already exists in this organization.`, 'name');
  throw error;
}

export async function createTrustPolicy(access: OrgAccess, input: Input): Promise<TTrustPolicy> {
  const document = renderPolicy(parsePolicyInput(input.policy));
  try {
    return await getDb().$transaction(async (tx) => {
      const row = await tx.trustPolicy.create({ data: { id: newId(), orgId: access.orgId, name: input.name, description: input.description, document, builder: builderJson(input.builder), createdById: access.userId } });
      await recordAudit(tx, {
        orgId: access.orgId,
        actor: access.actor,
        action: 'trust_policy.create',
        target: { type: 'trust_policy', id: row.id, label: row.name },
        after: trustPolicySnapshot(row),
        requestId: access.meta.requestId,
        ipAddress: access.meta.ipAddress,
      });
      return toTrustPolicyDto(row, await lintContext(access.orgId, tx));
    });
  } catch (error) {
    return uniqueName(error, input.name);
  }
}

export async function updateTrustPolicy(access: OrgAccess, policyId: string, input: Input & { version: number }): Promise<TTrustPolicy> {
  const document = renderPolicy(parsePolicyInput(input.policy));
  try {
    return await getDb().$transaction(async (tx) => {
      const before = await tx.trustPolicy.findFirst({ where: { id: policyId, orgId: access.orgId, version: input.version } });
      if (!before) {
        const current = await tx.trustPolicy.findFirst({ where: { id: policyId, orgId: access.orgId }, select: { version: true } });
        throw current ? versionConflict('trust policy', current.version) : notFound('trust policy');
      }
      const updated = await tx.trustPolicy.updateMany({
        where: { id: policyId, orgId: access.orgId, version: input.version },
        data: { name: input.name, description: input.description, document, builder: builderJson(input.builder), version: { increment: 1 } },
      });
      if (updated.count !== 1) throw versionConflict('trust policy');
      const after = await tx.trustPolicy.findFirstOrThrow({ where: { id: policyId, orgId: access.orgId } });
      await recordAudit(tx, {
        orgId: access.orgId,
        actor: access.actor,
        action: 'trust_policy.update',
        target: { type: 'trust_policy', id: policyId, label: after.name },
        before: trustPolicySnapshot(before),
        after: trustPolicySnapshot(after),
        requestId: access.meta.requestId,
        ipAddress: access.meta.ipAddress,
      });
      return toTrustPolicyDto(after, await lintContext(access.orgId, tx));
    });
  } catch (error) {
    return uniqueName(error, input.name);
  }
}

export async function deleteTrustPolicy(access: OrgAccess, policyId: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const row = await tx.trustPolicy.findFirst({ where: { id: policyId, orgId: access.orgId } });
    if (!row) throw notFound('trust policy');
    await tx.trustPolicy.delete({ where: { id: row.id } });
    await recordAudit(tx, {
      orgId: access.orgId,
      actor: access.actor,
      action: 'trust_policy.delete',
      target: { type: 'trust_policy', id: row.id, label: row.name },
      before: trustPolicySnapshot(row),
      requestId: access.meta.requestId,
      ipAddress: access.meta.ipAddress,
    });
  });
}
