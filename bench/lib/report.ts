import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface ResultRow {
  metric: string;
  value: number;
  unit: string;
  goal?: string;
  pass?: boolean;
  note?: string;
}

export const RESULTS_DIR = path.resolve(import.meta.dirname, '../results');

export function printTable(title: string, rows: ResultRow[]): void {
  const fmt = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(v < 10 ? 2 : 1));
  const cells = rows.map((r) => [r.metric, `${fmt(r.value)} ${r.unit}`, r.goal ?? '', r.pass === undefined ? '' : r.pass ? 'pass' : 'FAIL', r.note ?? '']);
  const header = ['metric', 'value', 'goal', '', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i] ?? 0)).join('  ');
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const c of cells) console.log(line(c));
}

export function writeResults(name: string, rows: ResultRow[], extra: Record<string, unknown> = {}): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, `${name}.json`), `${JSON.stringify({ name, date: new Date().toISOString(), node: process.version, cpus: 2, ...extra, results: rows }, null, 2)}\n`);
}

export function markdownTable(title: string, rows: ResultRow[]): string {
  const out = [`### ${title}`, '', '| metric | value | goal | result | note |', '|---|---|---|---|---|'];
  for (const r of rows) out.push(`| ${r.metric} | ${Number.isInteger(r.value) ? r.value : r.value.toFixed(2)} ${r.unit} | ${r.goal ?? ''} | ${r.pass === undefined ? '' : r.pass ? 'pass' : 'FAIL'} | ${r.note ?? ''} |`);
  return `${out.join('\n')}\n`;
}
