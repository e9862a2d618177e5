import 'server-only';
import type { TCreateOrganization, TOrganization } from '@/lib/schemas/organizations';
import { recordAudit } from '../audit/record-audit';
import type { RequestMeta } from '../auth/request-meta';
import type { SessionUser } from '../auth/sessions';
import { getDb } from '../db/client';
import { alreadyExists, prismaErrorCode } from '../errors';
import { initializeIssuer } from '../oidc/initialize-issuer';
import { newId } from '../security/ids';
import { organizationSnapshot, toOrganizationDto } from './organization-dto';

export async function createOrganization(user: SessionUser, input: TCreateOrganization, meta: RequestMeta): Promise<TOrganization> {
  const db = getDb();
  try {
    return await db.$transaction(async (tx) => {
      const org = await tx.organization.create({ data: { id: newId(), slug: input.slug, name: input.name } });
      await tx.membership.create({ data: { orgId: org.id, userId: user.user.id, role: 'owner' } });
      await initializeIssuer(tx, org.id);
      await recordAudit(tx, {
        orgId: org.id,
        actor: { type: 'user', id: user.user.id, label: user.user.email },
        action: 'organization.create',
        target: { type: 'organization', id: org.id, label: org.slug },
        after: organizationSnapshot(org),
        requestId: meta.requestId,
        ipAddress: meta.ipAddress,
      });
      return toOrganizationDto(org, 'owner');
    });
  } catch (error) {
    if (prismaErrorCode(error) === 'P2002') throw alreadyExists(`The organization slug "${input.slug}" is taken. Choose another.`, 'slug');
    throw error;
  }
}
