import type { RouteTable } from './route-table';
import { HANDLER_METHODS } from './route-table';

// The request target and method, checked before anything else runs: Next.js answers a malformed
// percent-encoding with a bare 500 and a method it does not support with a 400 or 500 (or renders
// a page for it), and a method the route does not export with an empty 405. Here each gets the
// answer the API documents, from one place, for every route present and future:
//   1. the target is ASCII (RFC 9112: non-ASCII must be percent-encoded);
//   2. every path segment decodes as UTF-8 (RFC 3986 §2.1: `%` + two hex digits);
//   3. no `.`/`..` segments, literal or encoded: clients resolve them before sending (RFC 3986
//      §5.2.4), so only a hand-made request carries one — and Next would resolve it to another
//      route than the one a reader of the URL sees;
//   4. the method is one the matched route serves (405 + Allow otherwise).

export type Surface = 'api' | 'oidc' | 'document';

export function surfaceOf(path: string): Surface {
  if (path === '/api' || path.startsWith('/api/')) return 'api';
  if (path.startsWith('/oidc/')) return 'oidc';
  return 'document';
}

export type TargetProblem = 'non_ascii' | 'encoding' | 'dot_segment';

export const TARGET_PROBLEMS: Readonly<Record<TargetProblem, string>> = {
  non_ascii: 'The request target has characters that must be percent-encoded (RFC 3986).',
  encoding: 'The request path has a malformed percent-encoding: a "%" must be followed by two hex digits, and the bytes must be UTF-8.',
  dot_segment: 'The request path has "." or ".." segments; send the path they resolve to.',
};

const NOT_PRINTABLE_ASCII = /[^\x21-\x7e]/;

/** The decoded, non-empty segments of the path, or what is wrong with the target. */
export function readTarget(url: string, path: string): { segments: string[] } | { problem: TargetProblem } {
  if (NOT_PRINTABLE_ASCII.test(url)) return { problem: 'non_ascii' };
  const segments: string[] = [];
  for (const raw of path.split('/')) {
    if (raw === '') continue;
    let segment = raw;
    if (raw.includes('%')) {
      try {
        segment = decodeURIComponent(raw);
      } catch {
        return { problem: 'encoding' };
      }
    }
    if (segment === '.' || segment === '..') return { problem: 'dot_segment' };
    segments.push(segment);
  }
  return { segments };
}

/** Pages (and Next's static files): read with GET/HEAD; POST carries server actions. */
export const DOCUMENT_ALLOW: readonly string[] = ['GET', 'HEAD', 'POST'];

/** app/api/[...path]/route.ts: the API's answer for a path no route serves (404), not a resource. */
export const API_NOT_FOUND_PATTERN = '/api/[...path]';

export type MethodVerdict = { kind: 'pass' } | { kind: 'not_allowed'; allow: readonly string[] } | { kind: 'not_found' };

const PASS: MethodVerdict = { kind: 'pass' };

export function methodVerdict(table: RouteTable, surface: Surface, segments: readonly string[], method: string): MethodVerdict {
  const route = surface === 'document' ? null : table.match(segments);
  if (route && route.pattern !== API_NOT_FOUND_PATTERN) return route.allow.includes(method) ? PASS : { kind: 'not_allowed', allow: route.allow };
  if (surface === 'api') return HANDLER_METHODS.has(method) ? PASS : { kind: 'not_found' };
  return DOCUMENT_ALLOW.includes(method) ? PASS : { kind: 'not_allowed', allow: DOCUMENT_ALLOW };
}

export const notAllowedMessage = (method: string, allow: readonly string[]) => `${method} is not allowed here; this URL answers ${allow.join(', ')}.`;
export const NO_SUCH_ENDPOINT = 'No such API endpoint.';
