import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUBJECT_FIELDS, type SubjectField, type SubjectTemplate } from '../claims/subject-template';
import { claimsForEnvironment, type ReachEnvironment } from './claims-for-environment';
import { computeReach } from './compute-reach';
import { deriveRequestFromClaims } from './derive-request';
import { compilePolicy, evaluatePolicy, type EvaluationRequest } from './evaluate-policy';
import { lintPolicy } from './lint-policy';
import { POLICY_VERSIONS, PRINCIPAL_TYPES, type ConditionBlock, type JsonValue, type Policy, type PrincipalValue, type Statement, type ValueList } from './model';
import { parsePolicy } from './parse-policy';
import { policyFromBuilder } from './policy-from-builder';
import { PRESETS, type PresetContext, type PresetId } from './presets';
import { renderPolicy } from './render-policy';
import { ACCOUNT, ISSUER, withSubjects, type EnvSpec } from './test-support';
import { diagnoseWebIdentity, evaluateWebIdentity } from './web-identity';

const P = 'tb.example.com/oidc/org_abc';
const PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/${P}`;
const KNOWN_STATEMENT_KEYS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];

// ---- arbitraries --------------------------------------------------------------------------------

const text = fc.string({ maxLength: 10 });
const nonEmpty = fc.string({ minLength: 1, maxLength: 10 });
const shape = fc.constantFrom('scalar' as const, 'array' as const);
const list: fc.Arbitrary<ValueList> = fc.record({ values: fc.array(nonEmpty, { minLength: 1, maxLength: 3 }), shape });

const principal: fc.Arbitrary<PrincipalValue> = fc.oneof(
  fc.constant({ kind: 'wildcard' as const }),
  fc.uniqueArray(fc.record({ type: fc.constantFrom(...PRINCIPAL_TYPES), values: list }), { minLength: 1, maxLength: 3, selector: (e) => e.type }).map((entries) => ({ kind: 'map' as const, entries })),
);

const stringOperator = fc
  .tuple(fc.constantFrom('', 'ForAnyValue:', 'ForAllValues:'), fc.constantFrom('StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike', 'ArnLike', 'ArnNotEquals'), fc.constantFrom('', 'IfExists'))
  .map(([q, b, i]) => `${q}${b}${i}`);

const conditionKey = nonEmpty.filter((k) => k.trim().length > 0);
const block: fc.Arbitrary<ConditionBlock> = fc.oneof(
  fc.record({ operator: stringOperator, entries: fc.uniqueArray(fc.record({ key: conditionKey, values: fc.array(text, { minLength: 1, maxLength: 3 }), shape }), { minLength: 1, maxLength: 3, selector: (e) => e.key }) }),
  fc.record({ operator: fc.constantFrom('NumericLessThan', 'NumericEquals'), entries: fc.uniqueArray(fc.record({ key: conditionKey, values: fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 2 }), shape }), { minLength: 1, maxLength: 2, selector: (e) => e.key }) }),
  fc.record({ operator: fc.constantFrom('Bool', 'Null'), entries: fc.uniqueArray(fc.record({ key: conditionKey, values: fc.array(fc.boolean(), { minLength: 1, maxLength: 2 }), shape }), { minLength: 1, maxLength: 2, selector: (e) => e.key }) }),
);

function extraOf(reserved: readonly string[]): fc.Arbitrary<Array<[string, JsonValue]>> {
  return fc.uniqueArray(fc.tuple(nonEmpty.filter((k) => !reserved.includes(k)), fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<JsonValue>), { maxLength: 2, selector: (e) => e[0] });
}

const statement: fc.Arbitrary<Statement> = fc
  .record({
    effect: fc.constantFrom('Allow' as const, 'Deny' as const),
    principalKind: fc.constantFrom('principal', 'notPrincipal', 'none'),
    principal,
    actionKind: fc.constantFrom('action', 'notAction'),
    action: list,
    resourceKind: fc.constantFrom('resource', 'notResource', 'none'),
    resource: list,
    condition: fc.option(fc.uniqueArray(block, { minLength: 1, maxLength: 3, selector: (b) => b.operator }), { nil: undefined }),
    extra: extraOf(KNOWN_STATEMENT_KEYS),
  })
  .map((r) => {
    const s: Statement = { effect: r.effect, extra: r.extra };
    if (r.principalKind === 'principal') s.principal = r.principal;
    if (r.principalKind === 'notPrincipal') s.notPrincipal = r.principal;
    if (r.actionKind === 'action') s.action = r.action;
    else s.notAction = r.action;
    if (r.resourceKind === 'resource') s.resource = r.resource;
    if (r.resourceKind === 'notResource') s.notResource = r.resource;
    if (r.condition) s.condition = r.condition;
    return s;
  });

const policyArb: fc.Arbitrary<Policy> = fc
  .record({
    version: fc.option(fc.constantFrom(...POLICY_VERSIONS), { nil: undefined }),
    id: fc.option(text, { nil: undefined }),
    statements: fc.array(statement, { minLength: 1, maxLength: 4 }),
    sids: fc.boolean(),
    statementShape: shape,
    extra: extraOf(['Version', 'Id', 'Statement']),
  })
  .map((r) => {
    const p: Policy = { statements: r.statements.map((s, i) => (r.sids ? { ...s, sid: `S${i}` } : s)), statementShape: r.statementShape, extra: r.extra };
    if (r.version !== undefined) p.version = r.version;
    if (r.id !== undefined) p.id = r.id;
    return p;
  });

// Requests and policies over the keys a trust policy for this issuer sees.
const WORDS = ['web', 'api', 'dev', 'prod', 'production', 'staging', 'org_abc', 'org_abcd', 'project', 'environment', ''];
const subjectValue = fc.constantFrom('org:org_abc:project:web:environment:dev', 'org:org_abc:project:api:environment:prod', 'org:org_abcd:project:web:environment:dev', 'org:org_abc:*', 'org:*:environment:dev', 'org:org_abc:project:web:environment:?ev', '*', '${aws:RequestTag/project}', 'org:org_abc:project:${aws:RequestTag/project}:*', "org:${aws:RequestTag/nope, 'org_abc'}:*");
const trustKey = fc.constantFrom(`${P}:sub`, `${P}:aud`, `${P}:SUB`, 'aws:RequestTag/stage', 'aws:RequestTag/project', 'aws:TagKeys', 'sts:TransitiveTagKeys', `${P}:amr`, 'aws:RequestTag/absent');
const trustBlock: fc.Arbitrary<ConditionBlock> = fc.record({
  operator: stringOperator,
  entries: fc.uniqueArray(fc.record({ key: trustKey, values: fc.array(fc.oneof(fc.constantFrom(...WORDS), subjectValue, fc.constant('sts.amazonaws.com')), { minLength: 1, maxLength: 3 }), shape }), { minLength: 1, maxLength: 2, selector: (e) => e.key.toLowerCase() }),
});
const trustStatement: fc.Arbitrary<Statement> = fc.record({
  effect: fc.constantFrom('Allow' as const, 'Allow' as const, 'Deny' as const),
  principal: fc.constantFrom<PrincipalValue>({ kind: 'wildcard' }, { kind: 'map', entries: [{ type: 'Federated', values: { values: [PROVIDER], shape: 'scalar' } }] }, { kind: 'map', entries: [{ type: 'Federated', values: { values: ['arn:aws:iam::111122223333:oidc-provider/other.example.com'], shape: 'scalar' } }] }),
  action: fc.constantFrom<ValueList>({ values: ['sts:AssumeRoleWithWebIdentity'], shape: 'scalar' }, { values: ['sts:*'], shape: 'scalar' }, { values: ['sts:AssumeRole'], shape: 'scalar' }),
  condition: fc.uniqueArray(trustBlock, { maxLength: 3, selector: (b) => b.operator }),
  extra: fc.constant([]),
});
const trustPolicy: fc.Arbitrary<Policy> = fc.record({ version: fc.constant('2012-10-17'), statements: fc.array(trustStatement, { minLength: 1, maxLength: 3 }), statementShape: fc.constant('array' as const), extra: fc.constant([]) });

const contextValue = fc.oneof(fc.constantFrom(...WORDS), subjectValue, fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }));
const requestArb: fc.Arbitrary<EvaluationRequest> = fc.record({
  principal: fc.constantFrom(PROVIDER, 'arn:aws:iam::111122223333:oidc-provider/other.example.com', 'arn:aws:iam::111122223333:role/x'),
  action: fc.constantFrom('sts:AssumeRoleWithWebIdentity', 'STS:AssumeRoleWithWebIdentity', 'sts:TagSession', 'sts:AssumeRole'),
  context: fc.dictionary(trustKey, contextValue, { maxKeys: 6 }),
});

// Principals of every kind a trust policy can name, and requests from principals that are not this
// organization's provider (the ones the linter must never stay silent about).
const FOREIGN = ['999988887777', 'arn:aws:iam::999988887777:root', 'arn:aws:iam::999988887777:role/x', 'arn:aws:iam::111122223333:role/admin', 'ec2.amazonaws.com', '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be', 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com', 'arn:aws:iam::111122223333:oidc-provider/tb.example.com/oidc/org_other', 'arn:aws:iam::111122223333:saml-provider/corp', 'accounts.google.com'];
const anyPrincipal: fc.Arbitrary<PrincipalValue> = fc.oneof(
  fc.constant<PrincipalValue>({ kind: 'wildcard' }),
  fc
    .uniqueArray(fc.record({ type: fc.constantFrom(...PRINCIPAL_TYPES), values: fc.record({ values: fc.array(fc.constantFrom('*', PROVIDER, ...FOREIGN), { minLength: 1, maxLength: 2 }), shape }) }), { minLength: 1, maxLength: 3, selector: (e) => e.type })
    .map((entries) => ({ kind: 'map' as const, entries })),
);
const openStatement: fc.Arbitrary<Statement> = fc
  .record({ base: trustStatement, kind: fc.constantFrom('principal', 'principal', 'notPrincipal', 'none'), principal: anyPrincipal })
  .map(({ base, kind, principal }) => {
    const s: Statement = { effect: base.effect, extra: [], ...(base.action ? { action: base.action } : {}), ...(base.condition && base.condition.length > 0 ? { condition: base.condition } : {}) };
    if (kind === 'principal') s.principal = principal;
    if (kind === 'notPrincipal') s.notPrincipal = principal;
    return s;
  });
const openPolicy: fc.Arbitrary<Policy> = fc.record({ version: fc.constant('2012-10-17'), statements: fc.array(openStatement, { minLength: 1, maxLength: 3 }), statementShape: fc.constant('array' as const), extra: fc.constant([]) });
const foreignRequest: fc.Arbitrary<EvaluationRequest> = fc.record({ principal: fc.constantFrom(...FOREIGN, 'arn:aws:iam::999988887777:user/mallory'), action: requestArb.map((r) => r.action), context: requestArb.map((r) => r.context) });

const templateArb: fc.Arbitrary<SubjectTemplate> = fc
  .shuffledSubarray(SUBJECT_FIELDS.filter((f) => f !== 'org') as SubjectField[])
  .map((rest) => ['org', ...rest] as SubjectTemplate);

/** Environments of one organization with project slug ↔ id one to one and unique (project, slug) pairs. */
const envSpecs: fc.Arbitrary<EnvSpec[]> = fc
  .uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 6 }), fc.string({ maxLength: 6 }), fc.constantFrom('development', 'staging', 'production')), { minLength: 1, maxLength: 12, selector: (t) => `${t[0]}\u0000${t[1]}` })
  .map((rows) => {
    const projectIds = new Map<string, string>();
    return rows.map(([project, slug, stage], i) => {
      if (!projectIds.has(project)) projectIds.set(project, `pid-${projectIds.size}`);
      return { id: `env-${i}`, slug, projectSlug: project, projectId: projectIds.get(project) as string, stage };
    });
  });

// ---- properties ---------------------------------------------------------------------------------

describe('properties', () => {
  it('render ∘ parse ∘ render = render for any policy model', () => {
    fc.assert(
      fc.property(policyArb, fc.boolean(), (policy, pretty) => {
        const once = renderPolicy(policy);
        const parsed = parsePolicy(renderPolicy(policy, { pretty }));
        if (!parsed.ok) throw new Error(`${once}\n${JSON.stringify(parsed.errors)}`);
        expect(renderPolicy(parsed.policy)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  it('parsing any JSON value either fails with errors or yields a policy that renders stably', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = parsePolicy(value);
        if (!parsed.ok) {
          expect(parsed.errors.length).toBeGreaterThan(0);
          return;
        }
        const once = renderPolicy(parsed.policy);
        const again = parsePolicy(once);
        expect(again.ok && renderPolicy(again.policy)).toBe(once);
      }),
    );
  });

  it('parse, lint, compile and evaluate never throw on arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything(), fc.string()), fc.anything(), (input, request) => {
        expect(() => parsePolicy(input)).not.toThrow();
        expect(() => lintPolicy(input, { issuer: ISSUER, orgId: 'org_abc', sessionTags: true })).not.toThrow();
        const compiled = compilePolicy(input as Policy);
        expect(() => compiled.evaluate(request as EvaluationRequest)).not.toThrow();
        expect(() => compiled.decide(request as EvaluationRequest)).not.toThrow();
        expect(() => compiled.diagnose(request as EvaluationRequest)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('mutated real policies never break lint or evaluation, and decide agrees with evaluate', () => {
    const real = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Main', Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'], Condition: { StringEquals: { [`${P}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${P}:sub`]: 'org:org_abc:*' }, 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['stage'] } } },
        { Effect: 'Deny', Principal: '*', NotAction: 'sts:AssumeRoleWithWebIdentity', Condition: { Null: { 'aws:RequestTag/stage': 'true' } } },
      ],
    };
    const paths: Array<Array<string | number>> = [];
    const walk = (v: unknown, path: Array<string | number>) => {
      paths.push(path);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(real, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined)), requestArb, (path, replacement, request) => {
        const copy = JSON.parse(JSON.stringify(real)) as Record<string, unknown>;
        let parent: Record<string | number, unknown> = copy;
        for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
        const last = path[path.length - 1] as string | number;
        if (replacement === undefined) delete parent[last];
        else parent[last] = replacement;
        expect(() => lintPolicy(copy, { issuer: ISSUER, orgId: 'org_abc' })).not.toThrow();
        expect(() => lintPolicy(JSON.stringify(copy))).not.toThrow();
        const parsed = parsePolicy(copy);
        if (!parsed.ok) return;
        const compiled = compilePolicy(parsed.policy);
        const decision = compiled.decide(request);
        expect(compiled.evaluate(request).decision).toBe(decision);
        expect(compiled.diagnose(request).decision).toBe(decision);
      }),
      { numRuns: 400 },
    );
  });

  it('decide, evaluate and diagnose agree on random trust policies and requests', () => {
    fc.assert(
      fc.property(trustPolicy, fc.array(requestArb, { minLength: 1, maxLength: 5 }), (policy, requests) => {
        const compiled = compilePolicy(policy);
        for (const request of requests) {
          const decision = compiled.decide(request);
          expect(compiled.evaluate(request).decision).toBe(decision);
          expect(compiled.diagnose(request).decision).toBe(decision);
          expect(evaluatePolicy(policy, request).decision).toBe(decision);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the linter is never silent about a policy that lets in a principal other than this organization’s provider', () => {
    fc.assert(
      fc.property(openPolicy, fc.array(foreignRequest, { minLength: 1, maxLength: 4 }), (policy, requests) => {
        const compiled = compilePolicy(policy);
        const admitted = requests.filter((r) => compiled.decide(r) === 'Allow');
        if (admitted.length === 0) return;
        const findings = lintPolicy(policy, { issuer: ISSUER, orgId: 'org_abc' });
        expect(findings.some((f) => f.severity !== 'info'), `${renderPolicy(policy)} admits ${admitted.map((r) => r.principal).join(', ')}`).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('computeReach equals evaluating each environment’s derived token request (AssumeRoleWithWebIdentity, and TagSession with tags)', () => {
    fc.assert(
      fc.property(trustPolicy, templateArb, envSpecs, fc.boolean(), fc.option(fc.constantFrom<string[]>(['project'], ['stage', 'project']), { nil: undefined }), (policy, template, specs, sessionTags, transitive) => {
        const envs = withSubjects('org_abc', template, specs);
        const ctx = { issuer: ISSUER, accountId: ACCOUNT, orgId: 'org_abc', sessionTags, ...(transitive ? { transitiveTagKeys: transitive } : {}) };
        const reach = computeReach(policy, envs, ctx);
        const compiled = compilePolicy(policy);
        envs.forEach((env, i) => {
          const request = deriveRequestFromClaims(claimsForEnvironment(env, ctx), ctx);
          expect(reach[i]?.environmentId).toBe(env.id);
          // Both authorizations STS makes (sts:TagSession too when the token carries tags).
          expect(reach[i]?.admitted).toBe(evaluateWebIdentity(policy, request).result.decision === 'Allow');
          expect(reach[i]?.reason).toBe(diagnoseWebIdentity(compiled, request).reason);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('every preset requires aud, pins the organization, and reaches exactly what it says', () => {
    const orgId = fc.string({ minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(orgId, templateArb, envSpecs, fc.boolean(), fc.integer({ min: 0, max: 100 }), fc.array(fc.boolean(), { maxLength: 12 }), (org, template, specs, sessionTags, pick, chosenFlags) => {
        const envs = withSubjects(org, template, specs);
        // Environments of an organization whose id extends this one must never be admitted.
        const foreign = withSubjects(`${org}z`, template, specs.map((s) => ({ ...s, id: `foreign-${s.id}` })));
        const projectSlug = specs[pick % specs.length]?.projectSlug ?? '';
        const environmentIds = envs.filter((_, i) => chosenFlags[i] === true).map((e) => e.id);
        const ctx: PresetContext = { issuer: ISSUER, accountId: ACCOUNT, orgId: org, subjectTemplate: template, sessionTags, environments: envs, projectSlug, environmentIds };
        const bySub = (chosen: ReachEnvironment[]) => {
          const subs = new Set(chosen.map((e) => e.sub));
          return envs.filter((e) => subs.has(e.sub)).map((e) => e.id);
        };
        const hasProject = template.includes('project') || template.includes('project_id');
        const expected: Record<PresetId, string[]> = {
          'this-organization': envs.map((e) => e.id),
          custom: envs.map((e) => e.id),
          'this-project': hasProject || sessionTags ? envs.filter((e) => e.projectSlug === projectSlug).map((e) => e.id) : bySub(envs.filter((e) => e.projectSlug === projectSlug)),
          'these-environments': bySub(envs.filter((e) => environmentIds.includes(e.id))),
          'production-environments': sessionTags || template.includes('stage') ? envs.filter((e) => e.stage === 'production').map((e) => e.id) : bySub(envs.filter((e) => e.stage === 'production')),
        };
        for (const id of Object.keys(PRESETS) as PresetId[]) {
          const model = PRESETS[id](ctx);
          const policy = policyFromBuilder(model);
          const json = renderPolicy(policy);
          expect(model.audience).not.toBe('');
          expect(JSON.parse(json).Statement[0].Condition.StringEquals[`${P}:aud`]).toBe('sts.amazonaws.com');
          const findings = lintPolicy(policy, { issuer: ISSUER, orgId: org, sessionTags });
          expect(findings.filter((f) => !f.rule.startsWith('policy-size')), json).toEqual([]);
          const reach = computeReach(policy, [...envs, ...foreign], { issuer: ISSUER, accountId: ACCOUNT, orgId: org, sessionTags });
          expect(reach.filter((r) => r.admitted).map((r) => r.environmentId), `${id} ${json}`).toEqual(expected[id]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
