import { gzipSync } from 'node:zlib';
import type { ResultRow } from './report';

// First-load JavaScript of a route: every <script src> the server's HTML for that route references,
// fetched and summed raw and gzip-compressed (level 9, what a CDN would serve), measured against
// the blank page of the same build.

export async function firstLoadJs(baseUrl: string, path: string, cookie: string | null): Promise<{ raw: number; gzip: number; scripts: number }> {
  const response = await fetch(`${baseUrl}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
  const html = await response.text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? ''))].filter(Boolean);
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { raw, gzip, scripts: sources.length };
}

export async function pageWeightReport(baseUrl: string, cookie: string, routes: { name: string; path: string; auth: boolean }[]): Promise<ResultRow[]> {
  const blank = await firstLoadJs(baseUrl, '/bench-blank', null);
  const limit = blank.gzip * 1.25;
  const rows: ResultRow[] = [{ metric: 'blank page (same stack)', value: blank.gzip / 1024, unit: 'kB gzip', note: `${(blank.raw / 1024).toFixed(1)} kB raw, ${blank.scripts} scripts` }];
  for (const route of routes) {
    const w = await firstLoadJs(baseUrl, route.path, route.auth ? cookie : null);
    rows.push({
      metric: route.name,
      value: w.gzip / 1024,
      unit: 'kB gzip',
      goal: `≤ ${(limit / 1024).toFixed(1)} (1.25× blank)`,
      pass: w.gzip <= limit,
      note: `${(w.raw / 1024).toFixed(1)} kB raw, ${(w.gzip / blank.gzip).toFixed(2)}× blank`,
    });
  }
  return rows;
}
