import 'server-only';
import type { NextRequest } from 'next/server';
import { getConfig } from '../env';
import { AppError } from '../errors';
import { checkOrigin } from './origin';
import { requestIdFrom } from './request-id';
import { errorResponse } from './respond';

// Every /api route handler has the same shape (STYLE, after dub):
//   export const POST = apiRoute(async (request, { params, requestId }) => {
//     const actor = await requireUser(request);               // guard
//     const input = await readJson(request, ZCreateProject);  // zod at the boundary
//     return json(await createProject(access, input), 201);   // one use case
//   });
// This wrapper adds only what every route needs: request id, the Origin check for state-changing
// requests (also enforced by the custom server — route handlers must not depend on it), and the
// error serializer.

export interface RouteContext<P> {
  params: Promise<P>;
  requestId: string;
}

export type RouteHandler<P> = (request: NextRequest, context: RouteContext<P>) => Promise<Response>;

export function apiRoute<P = Record<string, never>>(handler: RouteHandler<P>) {
  return async (request: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = requestIdFrom(request.headers);
    const route = request.nextUrl.pathname;
    try {
      const verdict = checkOrigin(
        {
          method: request.method,
          origin: request.headers.get('origin'),
          authorization: request.headers.get('authorization'),
          cookie: request.headers.get('cookie'),
        },
        getConfig().publicOrigin,
      );
      if (verdict !== 'ok') {
        throw new AppError(
          403,
          'origin_mismatch',
          verdict === 'missing' ? 'State-changing requests must carry an Origin header from the Trustbridge web app.' : 'Cross-origin requests are not allowed.',
        );
      }
      const response = await handler(request, { params: context.params, requestId });
      response.headers.set('X-Request-Id', requestId);
      return response;
    } catch (error) {
      return errorResponse(error, requestId, route);
    }
  };
}
