// Rules about what an OIDC trust policy must check, and which keys AWS can see at all
// (IAM User Guide, "Available keys for AWS OIDC federation": a custom issuer contributes only
// `<provider>:aud`, `:sub`, `:amr` and `:azp`; other claims are not in the request context).
import { escapeSubjectValue } from '../../../claims/subject-template';
import type { Statement } from '../../model';
import { literalForLike } from '../policy-text';
import { isOrgAnchored } from '../subject-anchor';
import { addCondition, editStatement, renameKey } from './edit';
import { conditionEntries, entryPath, isWebIdentityAllow, keyIssuer, pathOf, prefixesFor, sameKey, stringValues, type EntryRef, type Finding, type LintContext } from './shared';

const VISIBLE_CLAIMS = new Set(['aud', 'sub', 'amr', 'azp']);
/** Session tags Trustbridge issues, by the claim that carries the same fact. */
export const TAG_FOR_CLAIM: Record<string, string> = { org_id: 'org_id', project_slug: 'project', environment_slug: 'environment', environment_stage: 'stage' };

function keyIs(ref: EntryRef, prefixes: readonly string[], claim: string): boolean {
  return prefixes.some((p) => sameKey(ref.entry.key, `${p}:${claim}`));
}

function orgPattern(orgId: string): string {
  return `org:${literalForLike(escapeSubjectValue(orgId))}:*`;
}

export function missingConditionRules(ctx: LintContext): Finding[] {
  const { policy, options } = ctx;
  const out: Finding[] = [];
  policy.statements.forEach((s, i) => {
    if (!isWebIdentityAllow(s)) return;
    const prefixes = prefixesFor(s, ctx);
    const refs = conditionEntries(s);
    const where = pathOf(policy, i, ...(s.condition ? ['Condition'] : []));
    const first = prefixes[0];
    if (!refs.some((r) => keyIs(r, prefixes, 'aud') || keyIs(r, prefixes, 'azp'))) {
      const fixed = first === undefined ? null : editStatement(policy, i, (t) => addCondition(t, 'StringEquals', `${first}:aud`, ['sts.amazonaws.com']));
      out.push({
        rule: 'missing-aud-condition',
        severity: 'warning',
        message: `Statement ${i + 1} does not check the token audience (${first ?? '<provider>'}:aud); add StringEquals on it with "sts.amazonaws.com".`,
        path: where,
        ...(fixed ? { fix: { title: 'Require aud = sts.amazonaws.com', policy: fixed } } : {}),
      });
    }
    if (!refs.some((r) => keyIs(r, prefixes, 'sub'))) {
      const fixed = first === undefined || options.orgId === undefined ? null : editStatement(policy, i, (t) => addCondition(t, 'StringLike', `${first}:sub`, [orgPattern(options.orgId as string)]));
      out.push({
        rule: 'missing-sub-condition',
        severity: 'error',
        message: `Statement ${i + 1} has no condition on ${first ?? '<provider>'}:sub, so any environment whose token this provider accepts could assume the role.`,
        path: where,
        ...(fixed ? { fix: { title: 'Restrict sub to this organization', policy: fixed } } : {}),
      });
    }
  });
  return out;
}

function anchors(ref: EntryRef, ctx: LintContext): boolean {
  const op = ref.op;
  if (!op || op.info.negated || op.qualifier === 'ForAllValues') return false;
  if (op.base !== 'StringEquals' && op.base !== 'StringEqualsIgnoreCase' && op.base !== 'StringLike') return false;
  const variablesEnabled = ctx.policy.version === '2012-10-17';
  return stringValues(ref.entry).every((v) =>
    isOrgAnchored(v, {
      like: op.base === 'StringLike',
      ignoreCase: op.base === 'StringEqualsIgnoreCase',
      variablesEnabled,
      ...(ctx.options.orgId !== undefined ? { orgId: ctx.options.orgId } : {}),
    }),
  );
}

export function anchorRules(ctx: LintContext): Finding[] {
  const { policy, options } = ctx;
  const out: Finding[] = [];
  policy.statements.forEach((s, i) => {
    if (!isWebIdentityAllow(s)) return;
    const prefixes = prefixesFor(s, ctx);
    const subs = conditionEntries(s).filter((r) => keyIs(r, prefixes, 'sub'));
    if (subs.length === 0 || subs.some((r) => anchors(r, ctx))) return;
    for (const ref of subs) {
      const negated = ref.op?.info.negated === true;
      const org = options.orgId !== undefined ? `org:${options.orgId}:` : 'org:<id>:';
      const fixed =
        options.orgId === undefined ? null : editStatement(policy, i, (t) => addCondition(t, 'StringLike', ref.entry.key, [orgPattern(options.orgId as string)]));
      out.push({
        rule: 'sub-not-anchored',
        severity: 'error',
        message: negated
          ? `${ref.block.operator} on ${ref.entry.key} only excludes subjects; nothing pins the organization, so every other subject is accepted. Add a positive condition anchored as "${org}…".`
          : `${ref.block.operator} on ${ref.entry.key} does not pin the organization: ${stringValues(ref.entry).map((v) => JSON.stringify(v)).join(', ')} ${options.orgId !== undefined ? `must start with "${org}"` : 'must start with "org:<id>:" (the separator right after the id)'}.`,
        path: entryPath(policy, i, ref),
        ...(fixed ? { fix: { title: `Also require sub to start with "${org}"`, policy: fixed } } : {}),
      });
    }
  });
  return out;
}

export function keyVisibilityRules(ctx: LintContext): Finding[] {
  const { policy, options, issuerPrefix } = ctx;
  const out: Finding[] = [];
  policy.statements.forEach((s: Statement, i) => {
    const own = prefixesFor(s, ctx).map((p) => p.toLowerCase());
    for (const ref of conditionEntries(s)) {
      const k = keyIssuer(ref.entry.key);
      if (!k) continue;
      const ours = own.includes(k.issuer.toLowerCase());
      if (ours && !VISIBLE_CLAIMS.has(k.claim.toLowerCase())) {
        const tag = TAG_FOR_CLAIM[k.claim.toLowerCase()] ?? k.claim;
        const fixed = options.sessionTags === true && Object.prototype.hasOwnProperty.call(TAG_FOR_CLAIM, k.claim.toLowerCase())
          ? editStatement(policy, i, (t) => renameKey(t, ref.block.operator, ref.entry.key, `aws:RequestTag/${tag}`))
          : null;
        out.push({
          rule: 'invisible-claim',
          severity: 'error',
          message: `AWS never sees the "${k.claim}" claim of a custom OIDC issuer (only aud, sub, amr and azp become condition keys), so this condition can never match. Put the value in the sub template, or turn on session tags and test aws:RequestTag/${tag}.`,
          path: entryPath(policy, i, ref),
          ...(fixed ? { fix: { title: `Test the session tag aws:RequestTag/${tag} instead`, policy: fixed } } : {}),
        });
      } else if (!ours && issuerPrefix !== null) {
        out.push({
          rule: 'foreign-issuer-key',
          severity: 'error',
          message: `${ref.entry.key} belongs to another issuer (${k.issuer}); tokens from ${issuerPrefix} never carry it. Use ${issuerPrefix}:${k.claim}.`,
          path: entryPath(policy, i, ref),
        });
      }
    }
  });
  return out;
}
