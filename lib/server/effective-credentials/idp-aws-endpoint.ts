import 'server-only';
import { environmentFromAuthorization } from '../auth/require-environment';
import { AppError, isDatabaseUnavailable } from '../errors';
import { log } from '../log';
import { jsonResponse, type HandlerResponse } from '../oidc/handler-response';
import { environmentAwsCredential } from './environment-aws-credential';

// GET /api/v1/idp/aws, framework-neutral like the token endpoint: the custom server answers it on
// its hot path (server/issuer-routes.ts), the Next route in app/ is the same handler for any
// other entry point. Bearer environment token → its environment's effective credential.

export async function handleIdpAwsRequest(request: { authorization: string | null; requestId: string | null }): Promise<HandlerResponse> {
  try {
    const principal = await environmentFromAuthorization(request.authorization);
    return jsonResponse(200, await environmentAwsCredential(principal));
  } catch (error) {
    if (error instanceof AppError) return jsonResponse(error.status, { error: { code: error.code, message: error.message, ...(error.details ?? {}) } }, error.headers ?? {});
    if (isDatabaseUnavailable(error)) {
      log.error('idp/aws: database unavailable', { requestId: request.requestId, error });
      return jsonResponse(503, { error: { code: 'service_unavailable', message: 'Trustbridge cannot reach its database right now. Retry shortly.' } }, { 'Retry-After': '5' });
    }
    log.error('idp/aws failed', { requestId: request.requestId, error, stack: error instanceof Error ? error.stack : undefined });
    return jsonResponse(500, { error: { code: 'internal_error', message: `Something went wrong on our side. Quote request id ${request.requestId ?? 'n/a'} when reporting it.` } });
  }
}
