// Wildcard matching for StringLike, ArnLike components, Action and Resource:
// "multi-character match wildcards (*) and single-character match wildcards (?) anywhere in the
// string" (IAM User Guide, Condition operators). `*` matches any run of characters, including `:`
// and `/`. Characters that came from `${*}`/`${?}` escapes or from resolved variables are literal.

const STAR = -1;
const QUESTION = -2;

/** A run of pattern text; in a `wild` run `*` and `?` are wildcards, otherwise every character is literal. */
export interface PatternRun {
  wild: boolean;
  text: string;
}

export type Matcher =
  | { kind: 'any' }
  | { kind: 'exact'; text: string }
  | { kind: 'prefix'; text: string }
  | { kind: 'suffix'; text: string }
  | { kind: 'glob'; codes: Int32Array };

export function compileRuns(runs: readonly PatternRun[]): Matcher {
  const codes: number[] = [];
  for (const run of runs) {
    for (let i = 0; i < run.text.length; i++) {
      const c = run.text.charCodeAt(i);
      if (run.wild && c === 42) codes.push(STAR);
      else if (run.wild && c === 63) codes.push(QUESTION);
      else codes.push(c);
    }
  }
  let stars = 0;
  let questions = 0;
  for (const c of codes) {
    if (c === STAR) stars++;
    else if (c === QUESTION) questions++;
  }
  const literal = (from: number, to: number) => literalOf(codes.slice(from, to));
  if (stars === 0 && questions === 0) return { kind: 'exact', text: literalOf(codes) };
  if (questions === 0 && codes.every((c) => c === STAR)) return { kind: 'any' };
  if (questions === 0 && stars === 1 && codes[codes.length - 1] === STAR) return { kind: 'prefix', text: literal(0, codes.length - 1) };
  if (questions === 0 && stars === 1 && codes[0] === STAR) return { kind: 'suffix', text: literal(1, codes.length) };
  return { kind: 'glob', codes: Int32Array.from(codes) };
}

function literalOf(codes: number[]): string {
  let s = '';
  for (let i = 0; i < codes.length; i += 4096) s += String.fromCharCode(...codes.slice(i, i + 4096));
  return s;
}

/** A pattern written directly, with `*` and `?` as wildcards (Action, Resource, StringLike without variables). */
export function compileWildcard(pattern: string): Matcher {
  return compileRuns([{ wild: true, text: pattern }]);
}

export function matches(m: Matcher, s: string): boolean {
  switch (m.kind) {
    case 'any':
      return true;
    case 'exact':
      return s === m.text;
    case 'prefix':
      return s.startsWith(m.text);
    case 'suffix':
      return s.endsWith(m.text);
    case 'glob':
      return glob(m.codes, s);
  }
}

/** Iterative matcher with one backtrack point: linear for typical patterns, never recursive. */
function glob(p: Int32Array, s: string): boolean {
  let pi = 0;
  let si = 0;
  let star = -1;
  let mark = 0;
  const pl = p.length;
  const sl = s.length;
  while (si < sl) {
    const pc = pi < pl ? (p[pi] as number) : 0;
    if (pi < pl && (pc === QUESTION || pc === s.charCodeAt(si))) {
      pi++;
      si++;
    } else if (pi < pl && pc === STAR) {
      star = pi++;
      mark = si;
    } else if (star >= 0) {
      pi = star + 1;
      si = ++mark;
    } else {
      return false;
    }
  }
  while (pi < pl && p[pi] === STAR) pi++;
  return pi === pl;
}

export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}
