import 'server-only';
import { environmentFromAuthorization } from '../auth/require-environment';
import { failureResponse, jsonResponse, type HandlerResponse } from '../oidc/handler-response';
import { environmentAwsCredential } from './environment-aws-credential';

// GET /api/v1/idp/aws, framework-neutral like the token endpoint: the custom server answers it on
// its hot path (server/issuer-routes.ts), the Next route in app/ is the same handler for any
// other entry point. Bearer environment token → its environment's effective credential.

export async function handleIdpAwsRequest(request: { authorization: string | null; requestId: string | null }): Promise<HandlerResponse> {
  try {
    const principal = await environmentFromAuthorization(request.authorization);
    return jsonResponse(200, await environmentAwsCredential(principal));
  } catch (error) {
    return failureResponse(error, 'idp/aws', request.requestId, 'Trustbridge cannot reach its database right now. Retry shortly.');
  }
}
