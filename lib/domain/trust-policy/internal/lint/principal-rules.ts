// Who a role trust policy lets in, judged the way IAM Access Analyzer judges one (IAM User Guide):
// "IAM Access Analyzer generates findings for roles within the zone of trust that can be accessed by
// an external entity that is outside your zone of trust", and "An external entity can be another AWS
// account, a root user, an IAM user or role, a federated user, an AWS service, an anonymous user, …".
// For a Trustbridge role the zone of trust is this organization's IAM OIDC provider, so every Allow
// statement — in any position, with or without a Condition — is judged by the principals it admits:
// - public-principal (error): `"*"` or `{"AWS": "*"}`: "using a wildcard (*) with an Allow effect grants
//   access to all users, including anonymous users (public access)". A Condition does not lower it: AWS
//   asks to "specify intended principals, services, or AWS accounts in the Principal element and then
//   further restrict access in the Condition element", and Access Analyzer still reports such a statement
//   as "Any principal – All principals in any AWS account that meet the conditions …". Whether a condition
//   really confines the caller (aws:PrincipalOrgID, this issuer's sub, an IP range) is for a reviewer to
//   prove, not for a linter to assume; naming the provider is the fix.
// - allow-with-not-principal (error): NotPrincipal with Allow "allows all principals except the one named
//   … By doing this, you might grant access to anonymous (unauthenticated) users."
// - missing-principal (error): "You must use the Principal element in resource-based policies"; a reader
//   (and the evaluator) takes an Allow statement without one as applying to every principal.
// - other-principal (warning): an AWS account, role, user or session, a Service or a CanonicalUser. A
//   named, bounded grant (AWS: "This delegates authority to the account") that may be intended (a
//   break-glass role, a CI account), but it is outside this organization's provider: never an all-clear.
// - Federated values other than this organization's provider: federated-not-oidc-provider (error),
//   statement-rules.ts.
// - provider-not-trusted (error): with an issuer, no Allow statement names this organization's provider,
//   so no token of the organization can assume the role ("In IAM roles, use the Principal element in the
//   role trust policy to specify who can assume the role").
import { clonePolicy, valueList, type PrincipalEntry, type Statement } from '../../model';
import { editStatement } from './edit';
import { federatedValues, parseProviderArn, pathOf, type Finding, type LintContext } from './shared';

/** An IAM OIDC provider ARN of this organization's issuer (any IAM OIDC provider when no issuer is given). */
export function isOwnProvider(value: string, ctx: LintContext): boolean {
  const arn = parseProviderArn(value);
  return arn !== null && (ctx.issuerPrefix === null || arn.path === ctx.issuerPrefix);
}

function trustsOwnProvider(s: Statement, ctx: LintContext): boolean {
  return s.effect === 'Allow' && federatedValues(s).some((v) => isOwnProvider(v, ctx));
}

function provider(ctx: LintContext): string {
  return ctx.issuerPrefix !== null ? `this organization's OIDC provider (…:oidc-provider/${ctx.issuerPrefix})` : 'an IAM OIDC provider';
}

function hasCondition(s: Statement): boolean {
  return (s.condition ?? []).some((b) => b.entries.length > 0);
}

/**
 * The fix for a statement that admits someone else: keep only this organization's provider when the
 * statement also names it, else drop the statement when another one still trusts the provider.
 */
function fixFor(ctx: LintContext, index: number): Finding['fix'] | undefined {
  const { policy } = ctx;
  const s = policy.statements[index];
  if (!s) return undefined;
  const own = federatedValues(s).filter((v) => isOwnProvider(v, ctx));
  if (s.principal?.kind === 'map' && own.length > 0) {
    const fixed = editStatement(policy, index, (t) => {
      t.principal = { kind: 'map', entries: [{ type: 'Federated', values: valueList(own) }] };
      return true;
    });
    return fixed ? { title: `Trust only ${ctx.issuerPrefix !== null ? "this organization's" : 'the'} OIDC provider in statement ${index + 1}`, policy: fixed } : undefined;
  }
  if (!policy.statements.some((t, j) => j !== index && trustsOwnProvider(t, ctx))) return undefined;
  const fixed = clonePolicy(policy);
  fixed.statements.splice(index, 1);
  return { title: `Remove statement ${index + 1}`, policy: fixed };
}

function withFix(finding: Finding, fix: Finding['fix'] | undefined): Finding {
  return fix ? { ...finding, fix } : finding;
}

function describeOther(entry: PrincipalEntry, value: string): string {
  if (entry.type === 'Service') return `the AWS service ${value}`;
  if (entry.type === 'CanonicalUser') return `the canonical user ${value.slice(0, 12)}…`;
  const account = /^(\d{12})$/.exec(value)?.[1] ?? /^arn:[^:]+:iam::(\d{12}):root$/.exec(value)?.[1];
  return account !== undefined ? `AWS account ${account} (its administrators decide which of its users and roles may)` : value;
}

function entryFindings(ctx: LintContext, index: number, entries: readonly PrincipalEntry[]): Finding[] {
  const { policy } = ctx;
  const s = policy.statements[index] as Statement;
  const n = index + 1;
  const out: Finding[] = [];
  for (const entry of entries) {
    if (entry.type === 'Federated') continue;
    const many = entry.values.values.length > 1;
    entry.values.values.forEach((value, k) => {
      const path = pathOf(policy, index, 'Principal', entry.type, ...(many ? [k] : []));
      if (value === '*' && entry.type === 'AWS') {
        out.push(withFix(publicFinding(ctx, s, n, '{"AWS": "*"}', path), fixFor(ctx, index)));
        return;
      }
      out.push(
        withFix(
          {
            rule: 'other-principal',
            severity: 'warning',
            message: `Statement ${n} also lets ${value === '*' ? `every ${entry.type} principal` : describeOther(entry, value)} assume the role. That is outside ${provider(ctx)}, and IAM Access Analyzer reports it as external access; remove it unless that access is intended.`,
            path,
          },
          fixFor(ctx, index),
        ),
      );
    });
  }
  return out;
}

function publicFinding(ctx: LintContext, s: Statement, n: number, written: string, path: string): Finding {
  return {
    rule: 'public-principal',
    severity: 'error',
    message: hasCondition(s)
      ? `Statement ${n} lets every principal that meets its Condition assume the role (${written}): IAM Access Analyzer reports that as public access. A Condition narrows who gets in but names no one — put ${provider(ctx)} in Principal and keep the conditions.`
      : `Statement ${n} lets anyone assume the role: ${written} in an Allow statement grants access to all users, including anonymous ones. Name ${provider(ctx)} as the Federated principal instead.`,
    path,
  };
}

export function principalRules(ctx: LintContext): Finding[] {
  const { policy, issuerPrefix } = ctx;
  const out: Finding[] = [];
  policy.statements.forEach((s, i) => {
    if (s.effect !== 'Allow') return;
    const n = i + 1;
    if (s.notPrincipal) {
      out.push(
        withFix(
          {
            rule: 'allow-with-not-principal',
            severity: 'error',
            message: `Statement ${n} uses NotPrincipal with Allow: every principal except the ones listed can assume the role, anonymous callers included. Name ${provider(ctx)} in Principal instead.`,
            path: pathOf(policy, i, 'NotPrincipal'),
          },
          fixFor(ctx, i),
        ),
      );
      return;
    }
    if (!s.principal) {
      out.push(
        withFix(
          { rule: 'missing-principal', severity: 'error', message: `Statement ${n} has no Principal: IAM requires one in a role trust policy, and without it the statement reads as allowing every principal.`, path: pathOf(policy, i) },
          fixFor(ctx, i),
        ),
      );
      return;
    }
    if (s.principal.kind === 'wildcard') {
      out.push(withFix(publicFinding(ctx, s, n, '"*"', pathOf(policy, i, 'Principal')), fixFor(ctx, i)));
      return;
    }
    out.push(...entryFindings(ctx, i, s.principal.entries));
  });
  if (issuerPrefix !== null && !policy.statements.some((s) => trustsOwnProvider(s, ctx))) {
    out.push({
      rule: 'provider-not-trusted',
      severity: 'error',
      message: `No Allow statement names this organization's OIDC provider (arn:aws:iam::<account>:oidc-provider/${issuerPrefix}) as its Federated principal, so no token of this organization can assume the role.`,
      path: '$.Statement',
    });
  }
  return out;
}
