import 'server-only';
import { ID_PATTERN } from '@/lib/schemas/common';
import { isDatabaseUnavailable } from '../errors';
import { log } from '../log';
import { jsonResponse, type HandlerResponse } from './handler-response';
import { getIssuerState } from './issuer-cache';

// GET {issuer}/.well-known/openid-configuration and {issuer}/.well-known/jwks.json.
// Public, CORS-enabled, short public caching with an ETag (AWS fetches these on every exchange).
// Errors are OAuth-shaped with no-store.

export type IssuerDocument = 'discovery' | 'jwks';

const CORS = { 'Access-Control-Allow-Origin': '*' };
const CACHE = 'public, max-age=60';

function oauthError(status: number, error: string, description: string): HandlerResponse {
  return jsonResponse(status, { error, error_description: description }, CORS);
}

export function documentFromPath(rest: string): IssuerDocument | null {
  if (rest === '.well-known/openid-configuration') return 'discovery';
  if (rest === '.well-known/jwks.json') return 'jwks';
  return null;
}

export async function handleIssuerDocument(orgId: string, document: IssuerDocument, ifNoneMatch: string | null): Promise<HandlerResponse> {
  if (!ID_PATTERN.test(orgId)) return oauthError(404, 'not_found', 'No such issuer.');
  try {
    const state = await getIssuerState(orgId);
    if (!state) return oauthError(404, 'not_found', 'No such issuer.');
    const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': CACHE, ETag: state.etag, ...CORS };
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === state.etag)) return { status: 304, headers, body: '' };
    return { status: 200, headers, body: document === 'jwks' ? state.jwksBody : state.discoveryBody };
  } catch (error) {
    if (isDatabaseUnavailable(error)) return oauthError(503, 'temporarily_unavailable', 'The issuer cannot reach its database. Retry shortly.');
    log.error('issuer document failed', { orgId, document, error });
    return oauthError(500, 'server_error', 'The issuer failed to answer.');
  }
}

export function preflightResponse(): HandlerResponse {
  return { status: 204, headers: { ...CORS, 'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS', 'Access-Control-Max-Age': '86400' }, body: '' };
}
