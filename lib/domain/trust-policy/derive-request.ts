// The request STS evaluates for AssumeRoleWithWebIdentity with a token from a custom OIDC issuer
// (IAM User Guide, "Available keys for AWS OIDC federation" and "Passing session tags using
// AssumeRoleWithWebIdentity"):
// - principal: the IAM OIDC provider `arn:aws:iam::<account>:oidc-provider/<issuer without https://>`;
// - `<provider>:sub` is the `sub` claim; `<provider>:aud` is `azp` when the token has one, else `aud`
//   ("azp when the azp field is set"); `<provider>:azp` is `azp`; `<provider>:amr` is multivalued;
// - session tags from the `https://aws.amazon.com/tags` claim: each `principal_tags` entry becomes
//   `aws:RequestTag/<key>`, their keys `aws:TagKeys`, and `transitive_tag_keys` `sts:TransitiveTagKeys`;
//   an empty tag value is null ("For condition keys that are defined by the user, such as passing tags
//   in a request, it is possible to include an empty string. In this case, the value in the request
//   context is null"), so its aws:RequestTag/<key> has no value while its key is still in aws:TagKeys
//   (the tag was passed); empty strings drop out of the key lists the same way (user-defined-keys.ts);
// - `sts:RoleSessionName` is the RoleSessionName parameter.
import type { EvaluationRequest } from './evaluate-policy';

export const ASSUME_ROLE_WITH_WEB_IDENTITY = 'sts:AssumeRoleWithWebIdentity';
export const TAGS_CLAIM = 'https://aws.amazon.com/tags';

export interface DeriveRequestOptions {
  /** The token's issuer, an https URL. */
  issuer: string;
  accountId: string;
  action?: string;
  roleSessionName?: string;
}

/**
 * The condition-key prefix AWS uses for an issuer: the URL without `https://` and trailing `/`.
 * (AWS only accepts https issuers; an http one — a local Trustbridge — is treated the same way.)
 */
export function issuerKeyPrefix(issuer: string): string {
  return issuer.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
}

export function oidcProviderArn(issuer: string, accountId: string): string {
  return `arn:aws:iam::${accountId}:oidc-provider/${issuerKeyPrefix(issuer)}`;
}

function strings(value: unknown): string[] | null {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return null;
}

function single(values: string[]): string | string[] {
  return values.length === 1 ? (values[0] as string) : values;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function deriveRequestFromClaims(claims: Record<string, unknown>, opts: DeriveRequestOptions): EvaluationRequest {
  const prefix = issuerKeyPrefix(opts.issuer);
  const c: Record<string, unknown> = isRecord(claims) ? claims : {};
  const context: Record<string, string | string[]> = {};
  const hasOwn = (k: string) => Object.prototype.hasOwnProperty.call(c, k);
  if (hasOwn('sub') && typeof c.sub === 'string') context[`${prefix}:sub`] = c.sub;
  const azp = hasOwn('azp') && typeof c.azp === 'string' ? c.azp : null;
  const aud = hasOwn('aud') ? strings(c.aud) : null;
  if (azp !== null) {
    context[`${prefix}:aud`] = azp;
    context[`${prefix}:azp`] = azp;
  } else if (aud !== null && aud.length > 0) {
    context[`${prefix}:aud`] = single(aud);
  }
  const amr = hasOwn('amr') ? strings(c.amr) : null;
  if (amr !== null && amr.length > 0) context[`${prefix}:amr`] = amr;
  const tags = hasOwn(TAGS_CLAIM) ? c[TAGS_CLAIM] : undefined;
  if (isRecord(tags)) {
    const principalTags = tags.principal_tags;
    if (isRecord(principalTags)) {
      const keys: string[] = [];
      for (const key of Object.keys(principalTags)) {
        const values = strings(principalTags[key]);
        if (values === null || values.length === 0) continue;
        keys.push(key);
        const present = values.filter((v) => v !== '');
        if (present.length > 0) context[`aws:RequestTag/${key}`] = single(present);
      }
      if (keys.length > 0) context['aws:TagKeys'] = keys;
    }
    const transitive = strings(tags.transitive_tag_keys)?.filter((k) => k !== '') ?? [];
    if (transitive.length > 0) context['sts:TransitiveTagKeys'] = transitive;
  }
  if (opts.roleSessionName !== undefined) context['sts:RoleSessionName'] = opts.roleSessionName;
  return {
    principal: oidcProviderArn(opts.issuer, opts.accountId),
    action: opts.action ?? ASSUME_ROLE_WITH_WEB_IDENTITY,
    context,
  };
}
