import { describe, expect, it } from 'vitest';
import { CONFORMANCE_CASES } from './conformance/cases';
import { compilePolicy } from './evaluate-policy';
import { parsePolicy } from './parse-policy';

describe('conformance with the AWS IAM User Guide', () => {
  it('has at least 90 documented cases with unique names', () => {
    expect(CONFORMANCE_CASES.length).toBeGreaterThanOrEqual(90);
    expect(new Set(CONFORMANCE_CASES.map((c) => c.name)).size).toBe(CONFORMANCE_CASES.length);
    for (const c of CONFORMANCE_CASES) {
      expect(c.source.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/IAM\/latest\/UserGuide\/[\w-]+\.html$/);
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
