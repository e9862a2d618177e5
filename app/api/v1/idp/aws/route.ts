import type { NextRequest } from 'next/server';
import { handleIdpAwsRequest } from '@/lib/server/effective-credentials/idp-aws-endpoint';
import { requestIdFrom } from '@/lib/server/http/request-id';
import { toWebResponse } from '@/lib/server/oidc/handler-response';

// The calling environment's effective AWS credential (what `trustbridge idp login aws` uses).
// The custom server answers this path before Next (server/issuer-routes.ts); this route is the
// same handler for any other entry point. Authenticated by the environment token only.
export async function GET(request: NextRequest): Promise<Response> {
  return toWebResponse(await handleIdpAwsRequest({ authorization: request.headers.get('authorization'), requestId: requestIdFrom(request.headers) }));
}
