// ARN matching (IAM User Guide, Condition operators): "Each of the six colon-delimited components of
// the ARN is checked separately and each can include multi-character match wildcards (*) or
// single-character match wildcards (?)." The sixth component (the resource) is everything after the
// fifth colon, so a `*` there may span further colons. A pattern without five colons (such as "*")
// is matched against the whole value.
import { compileRuns, matches, type Matcher, type PatternRun } from './wildcard';

export type ArnMatcher = { kind: 'components'; parts: Matcher[] } | { kind: 'whole'; matcher: Matcher };

/** Splits runs at the first five `:` characters. */
function splitRuns(runs: readonly PatternRun[]): PatternRun[][] {
  const parts: PatternRun[][] = [[]];
  for (const run of runs) {
    let start = 0;
    for (let i = 0; i < run.text.length; i++) {
      if (run.text.charCodeAt(i) === 58 && parts.length < 6) {
        (parts[parts.length - 1] as PatternRun[]).push({ wild: run.wild, text: run.text.slice(start, i) });
        parts.push([]);
        start = i + 1;
      }
    }
    (parts[parts.length - 1] as PatternRun[]).push({ wild: run.wild, text: run.text.slice(start) });
  }
  return parts;
}

export function compileArn(runs: readonly PatternRun[]): ArnMatcher {
  const parts = splitRuns(runs);
  if (parts.length < 6) return { kind: 'whole', matcher: compileRuns(runs) };
  return { kind: 'components', parts: parts.map(compileRuns) };
}

export function arnMatches(m: ArnMatcher, value: string): boolean {
  if (m.kind === 'whole') return matches(m.matcher, value);
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const colon = value.indexOf(':', start);
    if (colon < 0) return false;
    if (!matches(m.parts[i] as Matcher, value.slice(start, colon))) return false;
    start = colon + 1;
  }
  return matches(m.parts[5] as Matcher, value.slice(start));
}
