import { ZSubjectPreviewRequest } from '@/lib/schemas/issuer';
import { ZOrgParams } from '@/lib/schemas/organizations';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';
import { previewSubjectChange } from '@/lib/server/oidc/environment-claims';
import { policyImpactOfSubjectChange } from '@/lib/server/trust-policies/policy-impact';

/** Before/after subject of every environment, and which saved trust policies change whom they admit. Stores nothing. */
export const POST = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  const access = await requireOrgPermission(request, orgId, 'issuer.read');
  const { subjectTemplate } = await readJson(request, ZSubjectPreviewRequest);
  return json(await previewSubjectChange(access, subjectTemplate, policyImpactOfSubjectChange));
});
