// Whether a `sub` condition value pins one organization. Subjects are `org:<id>:<label>:<value>…`
// with `:` escaped inside values (claims/subject-template.ts), so a value is anchored when the text
// before its first wildcard is `org:<id>:` — or, for an exact value, the whole subject of that org.
// `org:abc*` is not anchored: it also matches `org:abcdef:…`.
import { escapeSubjectValue } from '../../claims/subject-template';
import { splitVariables } from './policy-variables';

/** Literal text before the first wildcard or variable, and whether the value has none. */
export function literalPrefix(value: string, like: boolean, variablesEnabled: boolean): { prefix: string; exact: boolean } {
  const pieces = variablesEnabled ? splitVariables(value) : [{ t: 'text' as const, s: value }];
  let prefix = '';
  for (const p of pieces) {
    if (p.t === 'lit') {
      prefix += p.s;
      continue;
    }
    if (p.t === 'var') return { prefix, exact: false };
    if (!like) {
      prefix += p.s;
      continue;
    }
    const star = p.s.search(/[*?]/);
    if (star >= 0) return { prefix: prefix + p.s.slice(0, star), exact: false };
    prefix += p.s;
  }
  return { prefix, exact: true };
}

export function isOrgAnchored(value: string, opts: { like: boolean; ignoreCase: boolean; orgId?: string; variablesEnabled: boolean }): boolean {
  const { prefix: raw, exact } = literalPrefix(value, opts.like, opts.variablesEnabled);
  const prefix = opts.ignoreCase ? raw.toLowerCase() : raw;
  if (opts.orgId !== undefined) {
    const org = `org:${escapeSubjectValue(opts.orgId)}`;
    const want = opts.ignoreCase ? org.toLowerCase() : org;
    return prefix.startsWith(`${want}:`) || (exact && prefix === want);
  }
  return /^org:[^:]+:/.test(prefix) || (exact && /^org:[^:]+$/.test(prefix));
}
