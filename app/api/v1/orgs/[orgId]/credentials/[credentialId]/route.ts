import { ZCredentialParams, ZUpdateCredential, ZVersionQuery } from '@/lib/schemas/credentials';
import { deleteCredential } from '@/lib/server/credentials/delete-credential';
import { getCredential } from '@/lib/server/credentials/list-credentials';
import { updateCredential } from '@/lib/server/credentials/update-credential';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams, readQuery } from '@/lib/server/http/read-input';
import { json, noContent } from '@/lib/server/http/respond';

type Params = { orgId: string; credentialId: string };

export const GET = apiRoute<Params>(async (request, { params }) => {
  const { orgId, credentialId } = await readParams(params, ZCredentialParams, 'credential');
  return json(await getCredential(await requireOrgPermission(request, orgId, 'credential.read'), credentialId));
});

export const PATCH = apiRoute<Params>(async (request, { params }) => {
  const { orgId, credentialId } = await readParams(params, ZCredentialParams, 'credential');
  const access = await requireOrgPermission(request, orgId, 'credential.manage');
  return json(await updateCredential(access, credentialId, await readJson(request, ZUpdateCredential)));
});

// The version travels in the query (?version=N): DELETE bodies are dropped by some clients.
export const DELETE = apiRoute<Params>(async (request, { params }) => {
  const { orgId, credentialId } = await readParams(params, ZCredentialParams, 'credential');
  const access = await requireOrgPermission(request, orgId, 'credential.manage');
  await deleteCredential(access, credentialId, readQuery(request.nextUrl, ZVersionQuery).version);
  return noContent();
});
