// Rules about a statement's principal and actions (IAM User Guide, "Create a role for OpenID Connect
// federation" and "Passing session tags using AssumeRoleWithWebIdentity"):
// - an OIDC provider principal goes with sts:AssumeRoleWithWebIdentity (and sts:TagSession when
//   the token carries session tags); other actions are a principal/action mismatch;
// - the Federated principal is the IAM OIDC provider ARN
//   `arn:aws:iam::<account>:oidc-provider/<issuer without https://>`.
import { valueList, type Statement } from '../../model';
import { compileWildcard, matches } from '../wildcard';
import { editStatement } from './edit';
import { federatedValues, isWebIdentityAllow, parseProviderArn, pathOf, type Finding, type LintContext } from './shared';

const WEB = 'sts:assumerolewithwebidentity';
const TAG = 'sts:tagsession';

function actionsOf(s: Statement): string[] {
  return s.action?.values ?? [];
}

function allows(s: Statement, action: string): boolean {
  return actionsOf(s).some((a) => matches(compileWildcard(a.toLowerCase()), action));
}

export function statementRules(ctx: LintContext): Finding[] {
  const { policy, options, issuerPrefix } = ctx;
  const out: Finding[] = [];
  policy.statements.forEach((s, i) => {
    if (s.effect !== 'Allow') return;
    const federated = federatedValues(s);
    const web = isWebIdentityAllow(s);
    const saml = federated.some((v) => /:saml-provider\//.test(v));
    const wanted = saml && !web ? ['sts:assumerolewithsaml', TAG] : [WEB, TAG];
    if (federated.length > 0) {
      const bad = s.notAction ? ['NotAction'] : actionsOf(s).filter((a) => !wanted.includes(a.toLowerCase()));
      if (bad.length > 0) {
        const keepTag = options.sessionTags === true || actionsOf(s).some((a) => a.toLowerCase() === TAG);
        const fixed = web
          ? editStatement(policy, i, (t) => {
              delete t.notAction;
              t.action = valueList(keepTag ? ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'] : ['sts:AssumeRoleWithWebIdentity']);
              return true;
            })
          : null;
        out.push({
          rule: 'action-principal-mismatch',
          severity: 'error',
          message: `A Federated ${saml && !web ? 'SAML' : 'OIDC'} principal can only use ${saml && !web ? 'sts:AssumeRoleWithSAML' : 'sts:AssumeRoleWithWebIdentity'} (and sts:TagSession); ${bad.map((a) => JSON.stringify(a)).join(', ')} does not fit.`,
          path: pathOf(policy, i, s.notAction ? 'NotAction' : 'Action'),
          ...(fixed ? { fix: { title: 'Allow only sts:AssumeRoleWithWebIdentity', policy: fixed } } : {}),
        });
      }
    } else if (s.principal?.kind === 'map' && actionsOf(s).some((a) => a.toLowerCase() === WEB)) {
      out.push({
        rule: 'action-principal-mismatch',
        severity: 'error',
        message: 'sts:AssumeRoleWithWebIdentity is only performed by a Federated OIDC provider principal, not by an AWS account, role or service.',
        path: pathOf(policy, i, 'Principal'),
      });
    }
    federated.forEach((value, k) => {
      const arn = parseProviderArn(value);
      const wrongIssuer = arn !== null && issuerPrefix !== null && arn.path !== issuerPrefix;
      if (arn !== null && !wrongIssuer) return;
      const entryIndex = s.principal?.kind === 'map' ? s.principal.entries.findIndex((e) => e.type === 'Federated') : -1;
      const account = arn?.account ?? /:(\d{12}):/.exec(value)?.[1];
      const fixed =
        issuerPrefix !== null && account !== undefined
          ? editStatement(policy, i, (t) => {
              if (t.principal?.kind !== 'map') return false;
              const entry = t.principal.entries[entryIndex];
              if (!entry) return false;
              entry.values.values = entry.values.values.map((v) => (v === value ? `arn:${arn?.partition ?? 'aws'}:iam::${account}:oidc-provider/${issuerPrefix}` : v));
              return true;
            })
          : null;
      const multiple = (s.principal?.kind === 'map' ? (s.principal.entries[entryIndex]?.values.values.length ?? 0) : 0) > 1;
      out.push({
        rule: 'federated-not-oidc-provider',
        severity: 'error',
        message: wrongIssuer
          ? `${JSON.stringify(value)} is the IAM OIDC provider of another issuer; this organization's provider is …:oidc-provider/${issuerPrefix}.`
          : `${JSON.stringify(value)} is not an IAM OIDC provider ARN (arn:aws:iam::<account>:oidc-provider/<issuer host and path>).`,
        path: pathOf(policy, i, 'Principal', 'Federated', ...(multiple ? [k] : [])),
        ...(fixed ? { fix: { title: "Use this organization's OIDC provider", policy: fixed } } : {}),
      });
    });
    if (options.sessionTags === true && isWebIdentityAllow(s) && !s.notAction && !allows(s, TAG)) {
      const fixed = editStatement(policy, i, (t) => {
        if (!t.action) return false;
        t.action = { values: [...t.action.values, 'sts:TagSession'], shape: 'array' };
        return true;
      });
      out.push({
        rule: 'missing-tag-session',
        severity: 'error',
        message: 'Session tags are on, so tokens carry https://aws.amazon.com/tags and STS also requires sts:TagSession in the Action; without it every AssumeRoleWithWebIdentity call is denied.',
        path: pathOf(policy, i, 'Action'),
        ...(fixed ? { fix: { title: 'Add sts:TagSession', policy: fixed } } : {}),
      });
    }
  });
  return out;
}
