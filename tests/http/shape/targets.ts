// The API's routes as request targets for the tests that walk every route (request shape, fuzz):
// read from app/api on disk (authz/routes.ts), grouped by URL pattern, with the methods each one
// answers and a concrete URL for it. A route added later is walked without any change here.
import type { OrgObjects } from '../../support/org-objects';
import { ROOT } from '../../support/server';
import { discoverApiRoutes } from '../authz/routes';

export interface RouteTarget {
  pattern: string;
  /** Methods the route file exports. */
  methods: string[];
  /** What `Allow` must list: the exports, HEAD where GET is exported, and OPTIONS (Next answers it). */
  allow: string[];
}

/** The API's not-found route: every path no other route matches. Not a resource of its own. */
export const NOT_FOUND_PATTERN = '/api/[...path]';

/** Methods node's HTTP parser accepts but Next.js route handlers do not support. */
export const UNSUPPORTED_METHODS = ['TRACE', 'PROPFIND', 'PROPPATCH', 'MKCOL', 'COPY', 'MOVE', 'LOCK', 'UNLOCK', 'SEARCH', 'REPORT', 'PURGE', 'LINK', 'UNLINK', 'M-SEARCH', 'NOTIFY', 'SUBSCRIBE', 'MKCALENDAR', 'ACL', 'BIND', 'SOURCE'];
export const HANDLER_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

export function allowFor(methods: readonly string[]): string[] {
  const allow = new Set([...methods, 'OPTIONS']);
  if (allow.has('GET')) allow.add('HEAD');
  return [...allow].sort();
}

export function apiTargets(): RouteTarget[] {
  const byPattern = new Map<string, string[]>();
  for (const route of discoverApiRoutes(ROOT).routes) byPattern.set(route.pattern, [...(byPattern.get(route.pattern) ?? []), route.method]);
  return [...byPattern]
    .map(([pattern, methods]) => ({ pattern, methods: methods.sort(), allow: allowFor(methods) }))
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** An id of the right shape that names nothing. */
export const NO_SUCH_ID = '0000000000zzzzzzzzzzzzzzzz';

/** Route parameters filled with the objects of one organization; unknown parameters get NO_SUCH_ID. */
export function paramsOf(objects: OrgObjects): Record<string, string> {
  return { orgId: objects.org, projectId: objects.project, envId: objects.env, tokenId: objects.token, userId: objects.member, invitationId: objects.invitation, policyId: objects.policy, kid: objects.kid };
}

/** The URL segments of a pattern with its dynamic parts filled in (`[...x]` → one segment). */
export function concreteSegments(pattern: string, params: Record<string, string>): string[] {
  return pattern
    .split('/')
    .filter((s) => s !== '')
    .flatMap((segment) => {
      const dynamic = /^\[\[?(\.\.\.)?([^\]]+)\]\]?$/.exec(segment);
      if (!dynamic) return [segment];
      if (segment.startsWith('[[')) return [];
      if (dynamic[1]) return ['no-such-endpoint'];
      return [params[dynamic[2] ?? ''] ?? NO_SUCH_ID];
    });
}

export const concretePath = (pattern: string, params: Record<string, string>) => `/${concreteSegments(pattern, params).join('/')}`;

export const allowOf = (header: string | string[] | undefined) =>
  String(header ?? '')
    .split(',')
    .map((m) => m.trim())
    .filter((m) => m !== '')
    .sort();
