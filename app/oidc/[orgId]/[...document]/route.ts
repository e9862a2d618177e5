import type { NextRequest } from 'next/server';
import { toWebResponse } from '@/lib/server/oidc/handler-response';
import { jsonResponse } from '@/lib/server/oidc/handler-response';
import { documentFromPath, handleIssuerDocument, preflightResponse } from '@/lib/server/oidc/issuer-endpoints';

// Discovery and JWKS. The custom server answers these before Next (server/issuer-routes.ts); this
// route is the same handler for any other entry point. (A folder named `.well-known` would not be
// a route in Next, hence the catch-all.)
type Params = { params: Promise<{ orgId: string; document: string[] }> };

export async function GET(request: NextRequest, { params }: Params): Promise<Response> {
  const { orgId, document } = await params;
  const which = documentFromPath(document.join('/'));
  if (!which) return toWebResponse(jsonResponse(404, { error: 'not_found', error_description: 'No such issuer document.' }));
  return toWebResponse(await handleIssuerDocument(orgId, which, request.headers.get('if-none-match')));
}

export async function OPTIONS(): Promise<Response> {
  return toWebResponse(preflightResponse());
}
