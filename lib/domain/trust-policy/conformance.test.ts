import { describe, expect, it } from 'vitest';
import { CONFORMANCE_CASES } from './conformance/cases';
import { LINT_CONFORMANCE_CASES } from './conformance/lint-cases';
import { compilePolicy } from './evaluate-policy';
import { lintPolicy } from './lint-policy';
import { parsePolicy } from './parse-policy';

const GUIDE_PAGE = /^https:\/\/docs\.aws\.amazon\.com\/IAM\/latest\/UserGuide\/[\w-]+\.html$/;

describe('conformance with the AWS IAM User Guide', () => {
  it('has at least 90 documented cases with unique names', () => {
    expect(CONFORMANCE_CASES.length).toBeGreaterThanOrEqual(90);
    expect(new Set(CONFORMANCE_CASES.map((c) => c.name)).size).toBe(CONFORMANCE_CASES.length);
    for (const c of CONFORMANCE_CASES) {
      expect(c.source.url).toMatch(GUIDE_PAGE);
      expect(c.source.quote.length).toBeGreaterThan(20);
    }
  });

  it.each(CONFORMANCE_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const parsed = parsePolicy(c.policy);
    if (!parsed.ok) throw new Error(`policy does not parse: ${JSON.stringify(parsed.errors)}`);
    const compiled = compilePolicy(parsed.policy);
    const traced = compiled.evaluate(c.request);
    expect(traced.decision, traced.statements.map((s) => s.conditions.map((x) => x.reason).join(' ')).join(' | ')).toBe(c.expected);
    expect(compiled.decide(c.request)).toBe(c.expected);
    expect(compiled.diagnose(c.request).decision).toBe(c.expected);
  });
});

describe('lint conformance: who a trust policy lets in (IAM Access Analyzer’s view)', () => {
  it('has documented cases with unique names', () => {
    expect(new Set(LINT_CONFORMANCE_CASES.map((c) => c.name)).size).toBe(LINT_CONFORMANCE_CASES.length);
    for (const c of LINT_CONFORMANCE_CASES) {
      expect(c.source.url).toMatch(GUIDE_PAGE);
      expect(c.source.quote.length).toBeGreaterThan(20);
    }
  });

  it.each(LINT_CONFORMANCE_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const findings = lintPolicy(c.policy, c.options);
    const got = [...new Set(findings.map((f) => `${f.rule}:${f.severity}`))].sort();
    expect(got, JSON.stringify(findings.map((f) => [f.rule, f.path]))).toEqual([...new Set(c.expected.map((e) => `${e.rule}:${e.severity}`))].sort());
    // The JSON text is judged the same way as the parsed value.
    expect(lintPolicy(JSON.stringify(c.policy), c.options).map((f) => f.rule)).toEqual(findings.map((f) => f.rule));
  });
});
