// Which methods a request path answers, known before Next.js sees the request. The rows come from
// the route files on disk (scripts/lib/route-files.mjs), written to dist/routes.json by the server
// build, so a new route is in the table without anyone adding it. Matching follows the App Router:
// at each segment a static name beats a dynamic `[x]`, which beats a catch-all `[...x]`, which
// beats an optional catch-all `[[...x]]`; empty segments are ignored (Next redirects them away).

export interface RouteRow {
  pattern: string;
  methods: readonly string[];
}

/** Methods a Next.js route handler can serve; Next answers anything else with a 400 or a 500. */
export const HANDLER_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** `Allow` for a route: what it exports, HEAD where it exports GET, and OPTIONS (Next answers it). */
export function allowFor(methods: readonly string[]): string[] {
  const allow = new Set([...methods, 'OPTIONS']);
  if (allow.has('GET')) allow.add('HEAD');
  return [...allow].sort();
}

export interface MatchedRoute {
  pattern: string;
  allow: readonly string[];
}

interface Node {
  statics: Map<string, Node>;
  dynamic: Node | null;
  catchAll: MatchedRoute | null;
  optionalCatchAll: MatchedRoute | null;
  route: MatchedRoute | null;
}

const node = (): Node => ({ statics: new Map(), dynamic: null, catchAll: null, optionalCatchAll: null, route: null });

export interface RouteTable {
  /** The route Next.js would run for these (decoded, non-empty) path segments. */
  match(segments: readonly string[]): MatchedRoute | null;
}

export function compileRouteTable(rows: readonly RouteRow[]): RouteTable {
  const root = node();
  for (const row of rows) {
    const route: MatchedRoute = { pattern: row.pattern, allow: allowFor(row.methods) };
    let at = root;
    for (const segment of row.pattern.split('/').filter((s) => s !== '')) {
      if (segment.startsWith('[[...')) {
        at.optionalCatchAll = route;
        at = node(); // nothing may follow a catch-all
      } else if (segment.startsWith('[...')) {
        at.catchAll = route;
        at = node();
      } else if (segment.startsWith('[')) {
        at.dynamic ??= node();
        at = at.dynamic;
      } else {
        const next = at.statics.get(segment) ?? node();
        at.statics.set(segment, next);
        at = next;
      }
    }
    if (!row.pattern.includes('[...') && !row.pattern.includes('[[...')) at.route = route;
  }

  const walk = (at: Node, segments: readonly string[], i: number): MatchedRoute | null => {
    if (i === segments.length) return at.route ?? at.optionalCatchAll;
    const segment = segments[i] ?? '';
    const viaStatic = at.statics.get(segment);
    const found = (viaStatic && walk(viaStatic, segments, i + 1)) || (at.dynamic && walk(at.dynamic, segments, i + 1));
    return found || at.catchAll || at.optionalCatchAll;
  };
  return { match: (segments) => walk(root, segments, 0) };
}
