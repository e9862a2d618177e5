// The API's route list, read from the file system: every app/api/**/route.ts, its URL pattern and
// the HTTP methods it exports. The authorization matrix is checked against this list, so a new
// route (or method) without a matrix entry fails the suite.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type Method = (typeof METHODS)[number];

export interface DiscoveredRoute {
  pattern: string;
  method: Method;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : name === 'route.ts' ? [full] : [];
  });
}

export function exportedMethods(source: string): Method[] {
  const found = new Set<Method>();
  for (const m of source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) found.add(m[1] as Method);
  for (const block of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const m of (block[1] ?? '').matchAll(/\bas\s+(GET|POST|PUT|PATCH|DELETE)\b|(?:^|,)\s*(GET|POST|PUT|PATCH|DELETE)\s*(?=,|$)/g)) found.add((m[1] ?? m[2]) as Method);
  }
  return METHODS.filter((m) => found.has(m));
}

export function discoverApiRoutes(root: string): DiscoveredRoute[] {
  const apiDir = path.join(root, 'app/api');
  return walk(apiDir).flatMap((file) => {
    const pattern = `/api/${path.relative(apiDir, path.dirname(file)).split(path.sep).join('/')}`.replace(/\/$/, '');
    return exportedMethods(readFileSync(file, 'utf8')).map((method) => ({ pattern, method }));
  });
}
