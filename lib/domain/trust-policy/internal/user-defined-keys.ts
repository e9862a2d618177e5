// A user-supplied empty string is null. IAM User Guide, Condition, "The request context": "For
// condition keys that are defined by the user, such as passing tags in a request, it is possible to
// include an empty string. In this case, the value in the request context is null." Null is what the
// Null operator calls a missing key ("true (the key doesn't exist — it is null)"), so such a value is
// read exactly like an absent key everywhere: positive operators do not match, negated ones and
// …IfExists do, ForAllValues is true and ForAnyValue false ("resolves to a null dataset, such as an
// empty string"), Null true holds, and a policy variable naming the key takes its default.
//
// Which keys are "defined by the user" — the decision, and why:
// - tag values: aws:RequestTag/<key> (session tags passed with AssumeRoleWithWebIdentity — the guide's
//   own example, "passing tags in a request"), aws:PrincipalTag/<key> and aws:ResourceTag/<key> (values
//   someone typed when tagging a user, role or resource; IAM and STS accept an empty tag value), and a
//   service's own <service>:RequestTag/<key> and <service>:ResourceTag/<key>;
// - tag-key lists: aws:TagKeys and sts:TransitiveTagKeys (the guide's example of a null in a list: "if
//   you use the multivalued ForAllValues condition operator with the aws:TagKeys condition key, you can
//   experience unexpected results if the request context returns null").
// Not user-defined, so an empty string there stays a value: keys AWS sets itself (aws:PrincipalArn,
// aws:SourceIp, aws:CurrentTime, …), the provider keys of an OIDC token (<issuer>:sub, :aud, :amr, :azp),
// whose values the identity provider signs, and sts:RoleSessionName / sts:SourceIdentity, which STS
// requires to be at least 2 characters long, so they are never empty.

const TAG_VALUE = /^[a-z0-9-]+:(?:requesttag|principaltag|resourcetag)\//;
const TAG_KEY_LISTS = new Set(['aws:tagkeys', 'sts:transitivetagkeys']);

/** `lowerKey` is the condition key in lower case. */
export function isUserDefinedKey(lowerKey: string): boolean {
  return TAG_KEY_LISTS.has(lowerKey) || TAG_VALUE.test(lowerKey);
}
