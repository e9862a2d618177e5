import { ZInvitationParams } from '@/lib/schemas/members';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readParams } from '@/lib/server/http/read-input';
import { noContent } from '@/lib/server/http/respond';
import { revokeInvitation } from '@/lib/server/members/revoke-invitation';

export const DELETE = apiRoute<{ orgId: string; invitationId: string }>(async (request, { params }) => {
  const { orgId, invitationId } = await readParams(params, ZInvitationParams, 'invitation');
  await revokeInvitation(await requireOrgPermission(request, orgId, 'member.manage'), invitationId);
  return noContent();
});
