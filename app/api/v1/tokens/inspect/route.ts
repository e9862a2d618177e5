import { INSPECT_TOKEN_MAX, ZInspectBody } from '@/lib/schemas/inspector';
import { apiRoute } from '@/lib/server/http/api-route';
import { readJson } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';
import { authenticateInspector, inspectOrgId } from '@/lib/server/inspector/inspect-scope';
import { inspectToken } from '@/lib/server/inspector/inspect-token';

/**
 * Every check AWS STS makes, each with a stable id, against one organization's issuer: an
 * environment token's own, or for a person `orgId` (else the one the token names, else their only
 * one: inspect-scope.ts). Stores and logs nothing of the token.
 */
export const POST = apiRoute(async (request) => {
  const caller = await authenticateInspector(request);
  const body = await readJson(request, ZInspectBody, INSPECT_TOKEN_MAX + 1024);
  return json(await inspectToken(await inspectOrgId(caller, request, body.orgId, body.token), body.token));
});
