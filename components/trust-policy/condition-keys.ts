import { issuerKeyPrefix } from '@/lib/domain/trust-policy';

// The condition keys AWS puts into the request context for AssumeRoleWithWebIdentity with a token
// from this issuer (IAM User Guide, "Available keys for AWS OIDC federation" and "Passing session
// tags using AssumeRoleWithWebIdentity"): of a custom issuer's claims only sub, aud, amr and azp;
// with session tags, the tags; and the RoleSessionName the caller chooses.

export interface ConditionKeyInfo {
  key: string;
  /** Text of the key list's option (`issuer:` stands for the issuer's long prefix). */
  label: string;
  explanation: string;
}

export function conditionKeys(issuer: string, sessionTags: boolean): ConditionKeyInfo[] {
  const p = issuerKeyPrefix(issuer);
  const keys: ConditionKeyInfo[] = [
    { key: `${p}:sub`, label: 'issuer:sub — which environment', explanation: "The token's subject: organization, then the fields of the subject template (project, environment…). Use it to say which environments may assume the role." },
    { key: `${p}:aud`, label: 'issuer:aud — audience', explanation: 'The audience the token was requested for (its azp when the token has one). Must be one of the provider’s client IDs.' },
    { key: `${p}:amr`, label: 'issuer:amr — authentication methods', explanation: 'Multivalued: how the subject authenticated. Trustbridge tokens do not carry it, so a condition on it never matches unless it uses IfExists.' },
    { key: `${p}:azp`, label: 'issuer:azp — authorized party', explanation: 'The party the token was issued to. Trustbridge tokens do not carry it.' },
  ];
  if (sessionTags) {
    keys.push(
      { key: 'aws:RequestTag/org_id', label: 'aws:RequestTag/org_id — session tag', explanation: "Session tag with the organization id (from the token's https://aws.amazon.com/tags claim)." },
      { key: 'aws:RequestTag/project', label: 'aws:RequestTag/project — session tag', explanation: 'Session tag with the project slug.' },
      { key: 'aws:RequestTag/environment', label: 'aws:RequestTag/environment — session tag', explanation: 'Session tag with the environment slug.' },
      { key: 'aws:RequestTag/stage', label: 'aws:RequestTag/stage — session tag', explanation: 'Session tag with the stage: development, staging or production.' },
      { key: 'aws:TagKeys', label: 'aws:TagKeys — names of the session tags', explanation: 'Multivalued: the names of the session tags in the request. Use ForAllValues/ForAnyValue with it.' },
      { key: 'sts:TransitiveTagKeys', label: 'sts:TransitiveTagKeys — transitive session tags', explanation: 'Multivalued: the session tags marked transitive (kept when the role assumes another role).' },
    );
  }
  keys.push({ key: 'sts:RoleSessionName', label: 'sts:RoleSessionName — session name chosen by the caller', explanation: 'The RoleSessionName the caller passes to AssumeRoleWithWebIdentity (2–64 characters). The CLI sets it; a workload can choose it freely.' });
  return keys;
}
