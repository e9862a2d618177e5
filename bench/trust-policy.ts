// Benchmark of the trust-policy engine: `decide` and `evaluate` throughput for a typical
// three-condition policy, and the reach preview over 10,000 and 100,000 environments.
// Run: npx tsx bench/trust-policy.ts — prints a table and writes bench/results/trust-policy.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePolicy, computeReach, parsePolicy, type EvaluationRequest, type ReachEnvironment } from '../lib/domain/trust-policy';

const issuer = 'https://trustbridge.example.com/oidc/org_8f2k';
const prefix = 'trustbridge.example.com/oidc/org_8f2k';
const accountId = '111122223333';
const parsed = parsePolicy({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::${accountId}:oidc-provider/${prefix}` },
      Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
      Condition: {
        StringEquals: { [`${prefix}:aud`]: 'sts.amazonaws.com', 'aws:RequestTag/stage': 'production' },
        StringLike: { [`${prefix}:sub`]: 'org:org_8f2k:project:web:*' },
      },
    },
  ],
});
if (!parsed.ok) throw new Error('benchmark policy does not parse');
const policy = parsed.policy;
const compiled = compilePolicy(policy);

const requests: EvaluationRequest[] = ['production', 'development'].flatMap((stage) =>
  ['web', 'api'].map((project) => ({
    principal: `arn:aws:iam::${accountId}:oidc-provider/${prefix}`,
    action: 'sts:AssumeRoleWithWebIdentity',
    context: {
      [`${prefix}:aud`]: 'sts.amazonaws.com',
      [`${prefix}:sub`]: `org:org_8f2k:project:${project}:environment:e-${stage}`,
      'aws:RequestTag/stage': stage,
    },
  })),
);

function perSecond(fn: (r: EvaluationRequest) => unknown, minMs: number): number {
  for (let i = 0; i < 50_000; i++) fn(requests[i & 3] as EvaluationRequest);
  let n = 0;
  let sink = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 10_000; i++) if (fn(requests[i & 3] as EvaluationRequest)) sink++;
    n += 10_000;
    elapsed = performance.now() - start;
  }
  if (sink < 0) console.log(sink);
  return (n / elapsed) * 1000;
}

function environments(count: number): ReachEnvironment[] {
  const stages = ['development', 'staging', 'production'];
  return Array.from({ length: count }, (_, i) => {
    const project = `p${i % 50}`;
    const slug = `env-${i}`;
    return { id: `e${i}`, slug, projectSlug: project, projectId: `pid${i % 50}`, stage: stages[i % 3] as string, sub: `org:org_8f2k:project:${project}:environment:${slug}` };
  });
}

function medianMs(fn: () => void, runs: number): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const reachPolicy = parsePolicy({
  Version: '2012-10-17',
  Statement: {
    Effect: 'Allow',
    Principal: { Federated: `arn:aws:iam::${accountId}:oidc-provider/${prefix}` },
    Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
    Condition: {
      StringEquals: { [`${prefix}:aud`]: 'sts.amazonaws.com', 'aws:RequestTag/stage': 'production' },
      StringLike: { [`${prefix}:sub`]: 'org:org_8f2k:*' },
    },
  },
});
if (!reachPolicy.ok) throw new Error('reach policy does not parse');
const reachCompiled = compilePolicy(reachPolicy.policy);
// Worst case for explanations: almost every environment fails on its own (unique) sub.
const narrowPolicy = parsePolicy({
  Version: '2012-10-17',
  Statement: {
    Effect: 'Allow',
    Principal: { Federated: `arn:aws:iam::${accountId}:oidc-provider/${prefix}` },
    Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
    Condition: { StringEquals: { [`${prefix}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${prefix}:sub`]: 'org:org_8f2k:project:p1:*' } },
  },
});
if (!narrowPolicy.ok) throw new Error('narrow policy does not parse');
const narrowCompiled = compilePolicy(narrowPolicy.policy);
const reachCtx = { issuer, accountId, orgId: 'org_8f2k', sessionTags: true };
const env10k = environments(10_000);
const env100k = environments(100_000);

const results = [
  { metric: 'decide (3 conditions)', value: perSecond((r) => compiled.decide(r) === 'Allow', 1000), unit: 'evaluations/s', goal: 1_000_000, higherIsBetter: true },
  { metric: 'evaluate with trace', value: perSecond((r) => compiled.evaluate(r).decision === 'Allow', 1000), unit: 'evaluations/s', goal: null, higherIsBetter: true },
  { metric: 'computeReach 10,000 environments', value: medianMs(() => computeReach(reachCompiled, env10k, reachCtx), 9), unit: 'ms (median)', goal: 50, higherIsBetter: false },
  { metric: 'computeReach 100,000 environments', value: medianMs(() => computeReach(reachCompiled, env100k, reachCtx), 7), unit: 'ms (median)', goal: 200, higherIsBetter: false },
  { metric: 'computeReach 100,000 (98% unique denials)', value: medianMs(() => computeReach(narrowCompiled, env100k, reachCtx), 7), unit: 'ms (median)', goal: 200, higherIsBetter: false },
].map((r) => ({
  metric: r.metric,
  value: Math.round(r.value * 100) / 100,
  unit: r.unit,
  goal: r.goal,
  pass: r.goal === null ? true : r.higherIsBetter ? r.value >= r.goal : r.value <= r.goal,
}));

console.log(`${'metric'.padEnd(42)} ${'value'.padStart(14)}  ${'unit'.padEnd(16)} ${'goal'.padStart(10)}  pass`);
for (const r of results) {
  const value = r.unit === 'evaluations/s' ? Math.round(r.value).toLocaleString('en-US') : r.value.toFixed(2);
  console.log(`${r.metric.padEnd(42)} ${value.padStart(14)}  ${r.unit.padEnd(16)} ${(r.goal === null ? '—' : r.goal.toLocaleString('en-US')).padStart(10)}  ${r.pass ? 'yes' : 'NO'}`);
}

const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'trust-policy.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ name: 'trust-policy', date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);
console.log(`wrote ${out}`);
