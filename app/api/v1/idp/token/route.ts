import type { NextRequest } from 'next/server';
import { CLIENT_IP_HEADER } from '@/lib/server/auth/request-meta';
import { requestIdFrom } from '@/lib/server/http/request-id';
import { toWebResponse } from '@/lib/server/oidc/handler-response';
import { handleTokenRequest, TOKEN_BODY_LIMIT } from '@/lib/server/oidc/token-endpoint';

// The custom server answers this path before Next (server/issuer-routes.ts); this route is the
// same handler for any other entry point. Authenticated by the environment token (bearer), so it
// is exempt from the browser Origin rule.
export async function POST(request: NextRequest): Promise<Response> {
  const buffer = Buffer.from(await request.arrayBuffer());
  const body = buffer.length > TOKEN_BODY_LIMIT + 1 ? buffer.subarray(0, TOKEN_BODY_LIMIT + 1) : buffer;
  return toWebResponse(
    await handleTokenRequest({
      authorization: request.headers.get('authorization'),
      contentType: request.headers.get('content-type'),
      body,
      requestId: requestIdFrom(request.headers),
      ipAddress: request.headers.get(CLIENT_IP_HEADER),
    }),
  );
}
