import { compilePolicy, computeReach, parsePolicy } from './lib/domain/trust-policy';
const prefix = 'trustbridge.example.com/oidc/org_8f2k';
const p = parsePolicy({ Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${prefix}` }, Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'], Condition: { StringEquals: { [`${prefix}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${prefix}:sub`]: 'org:org_8f2k:project:p1:*' } } } });
if (!p.ok) throw new Error();
const c = compilePolicy(p.policy);
const stages = ['development', 'staging', 'production'];
const envs = Array.from({ length: 100000 }, (_, i) => ({ id: `e${i}`, slug: `env-${i}`, projectSlug: `p${i % 50}`, projectId: `pid${i % 50}`, stage: stages[i % 3]!, sub: `org:org_8f2k:project:p${i % 50}:environment:env-${i}` }));
const ctx = { issuer: 'https://' + prefix, accountId: '111122223333', orgId: 'org_8f2k', sessionTags: process.argv[2] === 'tags' };
for (let k = 0; k < 6; k++) { const t = performance.now(); computeReach(c, envs, ctx); console.log('reach', (performance.now() - t).toFixed(1)); }
