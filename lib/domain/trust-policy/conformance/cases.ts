// Conformance cases built from the AWS IAM User Guide. Each case names the documentation sentence
// that decides it; conformance.test.ts parses the policy, evaluates the request and expects the
// decision (both through `decide` and through the traced `evaluate`).
import { deriveRequestFromClaims } from '../derive-request';
import type { Decision, EvaluationRequest } from '../evaluate-policy';
import { QUOTE, URL } from './sources';

export interface ConformanceCase {
  name: string;
  policy: Record<string, unknown>;
  request: EvaluationRequest;
  expected: Decision;
  source: { url: string; quote: string };
}

const ISSUER = 'https://tb.example.com/oidc/org_abc';
const P = 'tb.example.com/oidc/org_abc';
const PROVIDER = `arn:aws:iam::111122223333:oidc-provider/${P}`;
const OTHER_PROVIDER = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';
const WEB = 'sts:AssumeRoleWithWebIdentity';

type Json = Record<string, unknown>;

function statement(condition?: Json, extra: Json = {}): Json {
  return { Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: WEB, ...(condition ? { Condition: condition } : {}), ...extra };
}

function policy(...statements: Json[]): Json {
  return { Version: '2012-10-17', Statement: statements };
}

/** One Allow statement for the provider with this Condition. */
function when(condition: Json): Json {
  return policy(statement(condition));
}

function request(context: Record<string, string | string[]> = {}, over: Partial<EvaluationRequest> = {}): EvaluationRequest {
  return { principal: PROVIDER, action: WEB, context, ...over };
}

function c(name: string, policyJson: Json, req: EvaluationRequest, expected: Decision, url: string, quote: string): ConformanceCase {
  return { name, policy: policyJson, request: req, expected, source: { url, quote } };
}

const SUB = `${P}:sub`;
const AUD = `${P}:aud`;
const SUB_WEB_DEV = 'org:org_abc:project:web:environment:dev';

const evaluation: ConformanceCase[] = [
  c('no applicable statement is an implicit deny', policy(statement(undefined, { Action: 'sts:TagSession' })), request(), 'ImplicitDeny', URL.evaluation, QUOTE.implicitDeny),
  c('a matching Allow allows', policy(statement()), request(), 'Allow', URL.evaluation, QUOTE.explicitAllow),
  c('a matching Deny overrides a matching Allow', policy(statement(), { Effect: 'Deny', Principal: '*', Action: WEB }), request(), 'ExplicitDeny', URL.evaluation, QUOTE.explicitDeny),
  c('a Deny whose condition fails does not apply', policy(statement(), { Effect: 'Deny', Principal: '*', Action: WEB, Condition: { StringEquals: { [SUB]: 'org:evil' } } }), request({ [SUB]: SUB_WEB_DEV }), 'Allow', URL.evaluation, QUOTE.explicitDeny),
  c('any one matching Allow statement allows', policy(statement({ StringEquals: { [SUB]: 'org:x' } }), statement({ StringEquals: { [SUB]: SUB_WEB_DEV } })), request({ [SUB]: SUB_WEB_DEV }), 'Allow', URL.evaluation, QUOTE.explicitAllow),
  c('a Deny statement alone denies explicitly', policy({ Effect: 'Deny', Principal: '*', Action: '*' }), request(), 'ExplicitDeny', URL.evaluation, QUOTE.explicitDeny),
];

const actions: ConformanceCase[] = [
  c('action names are case-insensitive', policy(statement()), request({}, { action: 'STS:assumerolewithwebidentity' }), 'Allow', URL.action, QUOTE.actionCase),
  c('a wildcard inside an action name', policy(statement(undefined, { Action: 'sts:AssumeRole*' })), request(), 'Allow', URL.action, QUOTE.actionWildcardPart),
  c('service wildcard matches every action of the service', policy(statement(undefined, { Action: 'sts:*' })), request(), 'Allow', URL.action, QUOTE.actionWildcardAll),
  c('a different action does not match', policy(statement(undefined, { Action: 'sts:AssumeRole' })), request(), 'ImplicitDeny', URL.action, QUOTE.actionElement),
  c('one of several actions matches', policy(statement(undefined, { Action: ['sts:TagSession', WEB] })), request(), 'Allow', URL.action, QUOTE.actionMultiple),
  c('Allow with NotAction allows unlisted actions', policy({ Effect: 'Allow', Principal: { Federated: PROVIDER }, NotAction: 'iam:*' }), request(), 'Allow', URL.notAction, QUOTE.notActionAllow),
  c('Allow with NotAction does not allow listed actions', policy({ Effect: 'Allow', Principal: { Federated: PROVIDER }, NotAction: 'sts:*' }), request(), 'ImplicitDeny', URL.notAction, QUOTE.notAction),
  c('Deny with NotAction denies unlisted actions', policy(statement(undefined, { Action: ['sts:TagSession', WEB] }), { Effect: 'Deny', Principal: '*', NotAction: WEB }), request({}, { action: 'sts:TagSession' }), 'ExplicitDeny', URL.notAction, QUOTE.notActionDeny),
  c('Deny with NotAction leaves listed actions alone', policy(statement(), { Effect: 'Deny', Principal: '*', NotAction: WEB }), request(), 'Allow', URL.notAction, QUOTE.notAction),
];

const principals: ConformanceCase[] = [
  c('the OIDC provider named as Federated principal', policy(statement()), request(), 'Allow', URL.principal, QUOTE.webIdentityPrincipal),
  c('another provider is not the named principal', policy(statement()), request({}, { principal: OTHER_PROVIDER }), 'ImplicitDeny', URL.principal, QUOTE.principalElement),
  c('Principal "*" matches every principal', policy(statement(undefined, { Principal: '*' })), request({}, { principal: OTHER_PROVIDER }), 'Allow', URL.principal, QUOTE.principalWildcard),
  c('{"AWS": "*"} is equivalent to "*"', policy(statement(undefined, { Principal: { AWS: '*' } })), request({}, { principal: OTHER_PROVIDER }), 'Allow', URL.principal, QUOTE.principalEquivalent),
  c('a wildcard inside a principal ARN is not a pattern', policy(statement(undefined, { Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/*' } })), request(), 'ImplicitDeny', URL.principal, QUOTE.principalNoPartialWildcard),
  c('Deny with NotPrincipal spares the named principal', policy(statement(), { Effect: 'Deny', NotPrincipal: { Federated: PROVIDER }, Action: WEB }), request(), 'Allow', URL.notPrincipal, QUOTE.notPrincipalDeny),
  c('Deny with NotPrincipal denies everyone else', policy(statement(undefined, { Principal: '*' }), { Effect: 'Deny', NotPrincipal: { Federated: PROVIDER }, Action: WEB }), request({}, { principal: OTHER_PROVIDER }), 'ExplicitDeny', URL.notPrincipal, QUOTE.notPrincipalDeny),
  c('Allow with NotPrincipal allows all but the named one', policy({ Effect: 'Allow', NotPrincipal: { Federated: OTHER_PROVIDER }, Action: WEB }), request(), 'Allow', URL.notPrincipal, QUOTE.notPrincipalAllow),
];

const strings: ConformanceCase[] = [
  c('StringEquals exact value', when({ StringEquals: { [SUB]: SUB_WEB_DEV } }), request({ [SUB]: SUB_WEB_DEV }), 'Allow', URL.operators, QUOTE.stringEquals),
  c('StringEquals is case-sensitive', when({ StringEquals: { [SUB]: SUB_WEB_DEV } }), request({ [SUB]: SUB_WEB_DEV.toUpperCase() }), 'ImplicitDeny', URL.operators, QUOTE.stringEquals),
  c('StringEquals treats * literally', when({ StringEquals: { [SUB]: 'org:org_abc:*' } }), request({ [SUB]: SUB_WEB_DEV }), 'ImplicitDeny', URL.operators, QUOTE.stringEquals),
  c('StringNotEquals with a different value', when({ StringNotEquals: { [SUB]: 'org:evil' } }), request({ [SUB]: SUB_WEB_DEV }), 'Allow', URL.operators, QUOTE.stringNotEquals),
  c('StringNotEquals with the same value', when({ StringNotEquals: { [SUB]: SUB_WEB_DEV } }), request({ [SUB]: SUB_WEB_DEV }), 'ImplicitDeny', URL.operators, QUOTE.stringNotEquals),
  c('StringEqualsIgnoreCase ignores case', when({ StringEqualsIgnoreCase: { [SUB]: SUB_WEB_DEV } }), request({ [SUB]: SUB_WEB_DEV.toUpperCase() }), 'Allow', URL.operators, QUOTE.stringEqualsIgnoreCase),
  c('StringNotEqualsIgnoreCase with a value differing only in case', when({ StringNotEqualsIgnoreCase: { [SUB]: SUB_WEB_DEV } }), request({ [SUB]: SUB_WEB_DEV.toUpperCase() }), 'ImplicitDeny', URL.operators, QUOTE.stringNotEqualsIgnoreCase),
  c('StringLike with *', when({ StringLike: { [SUB]: 'org:org_abc:project:web:*' } }), request({ [SUB]: SUB_WEB_DEV }), 'Allow', URL.operators, QUOTE.stringLike),
  c('StringLike ? matches one character', when({ StringLike: { [SUB]: 'org:org_abc:project:we?:environment:dev' } }), request({ [SUB]: SUB_WEB_DEV }), 'Allow', URL.operators, QUOTE.stringLike),
  c('StringLike ? does not match two characters', when({ StringLike: { [SUB]: 'org:org_abc:project:w?:environment:dev' } }), request({ [SUB]: SUB_WEB_DEV }), 'ImplicitDeny', URL.operators, QUOTE.stringLike),
  c('StringLike is case-sensitive', when({ StringLike: { [SUB]: 'ORG:org_abc:*' } }), request({ [SUB]: SUB_WEB_DEV }), 'ImplicitDeny', URL.operators, QUOTE.stringLike),
  c('StringLike without a wildcard needs the whole value', when({ StringLike: { [SUB]: 'org:org_abc' } }), request({ [SUB]: SUB_WEB_DEV }), 'ImplicitDeny', URL.operators, QUOTE.stringLikePartial),
  c('StringLike * spans colons', when({ StringLike: { [SUB]: 'org:org_abc:*' } }), request({ [SUB]: SUB_WEB_DEV }), 'Allow', URL.operators, QUOTE.stringLikeAcrossColons),
  c('StringLike * in the middle spans several labels', when({ StringLike: { [SUB]: 'org:*:environment:dev' } }), request({ [SUB]: SUB_WEB_DEV }), 'Allow', URL.operators, QUOTE.stringLikeAcrossColons),
  c('StringLike * spans slashes', when({ StringLike: { [SUB]: 'repo:octo-org/*' } }), request({ [SUB]: 'repo:octo-org/octo-repo:ref:refs/heads/main' }), 'Allow', URL.operators, QUOTE.stringLike),
  c('StringNotLike with a matching value', when({ StringNotLike: { [SUB]: 'org:org_abc:*' } }), request({ [SUB]: SUB_WEB_DEV }), 'ImplicitDeny', URL.operators, QUOTE.stringNotLike),
  c('StringNotLike with a non-matching value', when({ StringNotLike: { [SUB]: 'org:other:*' } }), request({ [SUB]: SUB_WEB_DEV }), 'Allow', URL.operators, QUOTE.stringNotLike),
];

const numbers: ConformanceCase[] = [
  c('NumericLessThanEquals below the limit', when({ NumericLessThanEquals: { 's3:max-keys': '10' } }), request({ 's3:max-keys': '5' }), 'Allow', URL.operators, QUOTE.numericLte),
  c('NumericLessThanEquals above the limit', when({ NumericLessThanEquals: { 's3:max-keys': '10' } }), request({ 's3:max-keys': '11' }), 'ImplicitDeny', URL.operators, QUOTE.numericLte),
  c('NumericEquals compares decimal values', when({ NumericEquals: { 'sts:DurationSeconds': '3600' } }), request({ 'sts:DurationSeconds': '3600.0' }), 'Allow', URL.operators, QUOTE.numeric),
  c('NumericNotEquals with another number', when({ NumericNotEquals: { 'sts:DurationSeconds': '3600' } }), request({ 'sts:DurationSeconds': '900' }), 'Allow', URL.operators, QUOTE.numericNotEquals),
  c('NumericGreaterThan with an equal number', when({ NumericGreaterThan: { 'sts:DurationSeconds': '3600' } }), request({ 'sts:DurationSeconds': '3600' }), 'ImplicitDeny', URL.operators, QUOTE.numericGt),
  c('NumericGreaterThanEquals with an equal number', when({ NumericGreaterThanEquals: { 'sts:DurationSeconds': 3600 } }), request({ 'sts:DurationSeconds': '3600' }), 'Allow', URL.operators, QUOTE.numericGte),
  c('Numeric operator on a missing key', when({ NumericLessThan: { 'sts:DurationSeconds': '3600' } }), request(), 'ImplicitDeny', URL.operators, QUOTE.missingKey),
];

const dates: ConformanceCase[] = [
  c('DateGreaterThan with a later ISO 8601 time', when({ DateGreaterThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:01Z' } }), request({ 'aws:TokenIssueTime': '2020-06-01T12:00:00Z' }), 'Allow', URL.operators, QUOTE.dateGt),
  c('DateLessThan with an epoch value in the request', when({ DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } }), request({ 'aws:CurrentTime': '1700000000' }), 'Allow', URL.operators, QUOTE.date),
  c('DateEquals across ISO 8601 and epoch forms', when({ DateEquals: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } }), request({ 'aws:CurrentTime': '1577836800' }), 'Allow', URL.operators, QUOTE.date),
  c('DateLessThan with a later time', when({ DateLessThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } }), request({ 'aws:CurrentTime': '2021-01-01T00:00:00Z' }), 'ImplicitDeny', URL.operators, QUOTE.dateLt),
  c('DateNotEquals with another day', when({ DateNotEquals: { 'aws:CurrentTime': '2020-01-01' } }), request({ 'aws:CurrentTime': '2020-01-02T00:00:00Z' }), 'Allow', URL.operators, QUOTE.dateNotEquals),
  c('Date with a time-zone offset', when({ DateEquals: { 'aws:CurrentTime': '2020-01-01T01:00:00+01:00' } }), request({ 'aws:CurrentTime': '2020-01-01T00:00:00Z' }), 'Allow', URL.operators, QUOTE.date),
];

const booleans: ConformanceCase[] = [
  c('Bool true', when({ Bool: { 'aws:SecureTransport': 'true' } }), request({ 'aws:SecureTransport': 'true' }), 'Allow', URL.operators, QUOTE.bool),
  c('Bool mismatch', when({ Bool: { 'aws:SecureTransport': 'true' } }), request({ 'aws:SecureTransport': 'false' }), 'ImplicitDeny', URL.operators, QUOTE.bool),
  c('Bool with an unquoted JSON boolean', when({ Bool: { 'aws:SecureTransport': true } }), request({ 'aws:SecureTransport': 'true' }), 'Allow', URL.grammar, QUOTE.quotesOptional),
  c('Deny on Bool false', policy(statement(), { Effect: 'Deny', Principal: '*', Action: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }), request({ 'aws:SecureTransport': 'false' }), 'ExplicitDeny', URL.operators, QUOTE.bool),
  c('BinaryEquals with the same bytes', when({ BinaryEquals: { 'test:blob': 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } }), request({ 'test:blob': 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' }), 'Allow', URL.operators, QUOTE.binary),
  c('BinaryEquals with other bytes', when({ BinaryEquals: { 'test:blob': 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } }), request({ 'test:blob': 'b3RoZXI=' }), 'ImplicitDeny', URL.operators, QUOTE.binary),
];

const ips: ConformanceCase[] = [
  c('IpAddress inside a /24', when({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }), request({ 'aws:SourceIp': '203.0.113.77' }), 'Allow', URL.operators, QUOTE.ipCidr),
  c('IpAddress outside a /24', when({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }), request({ 'aws:SourceIp': '203.0.114.1' }), 'ImplicitDeny', URL.operators, QUOTE.ipCidr),
  c('IpAddress without a prefix is /32 (same address)', when({ IpAddress: { 'aws:SourceIp': '203.0.113.5' } }), request({ 'aws:SourceIp': '203.0.113.5' }), 'Allow', URL.operators, QUOTE.ipDefaultPrefix),
  c('IpAddress without a prefix is /32 (neighbour)', when({ IpAddress: { 'aws:SourceIp': '203.0.113.5' } }), request({ 'aws:SourceIp': '203.0.113.6' }), 'ImplicitDeny', URL.operators, QUOTE.ipDefaultPrefix),
  c('IpAddress inside an IPv6 /64', when({ IpAddress: { 'aws:SourceIp': '2001:DB8:1234:5678::/64' } }), request({ 'aws:SourceIp': '2001:db8:1234:5678:abcd::1' }), 'Allow', URL.operators, QUOTE.ipCidr),
  c('IpAddress outside an IPv6 /64', when({ IpAddress: { 'aws:SourceIp': '2001:DB8:1234:5678::/64' } }), request({ 'aws:SourceIp': '2001:db8:1234:5679::1' }), 'ImplicitDeny', URL.operators, QUOTE.ipCidr),
  c('NotIpAddress outside the range', when({ NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }), request({ 'aws:SourceIp': '198.51.100.1' }), 'Allow', URL.operators, QUOTE.notIpAddress),
  c('NotIpAddress inside the range', when({ NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }), request({ 'aws:SourceIp': '203.0.113.1' }), 'ImplicitDeny', URL.operators, QUOTE.notIpAddress),
  c('IPv4 and IPv6 ranges in one list', when({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:DB8:1234:5678::/64'] } }), request({ 'aws:SourceIp': '203.0.113.9' }), 'Allow', URL.operators, QUOTE.orValues),
];

const arns: ConformanceCase[] = [
  c('ArnLike with wildcard components', when({ ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:123456789012:topic-*' } }), request({ 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:topic-a' }), 'Allow', URL.operators, QUOTE.arnComponents),
  c('ArnLike matches component by component', when({ ArnLike: { 'aws:SourceArn': 'arn:aws:someservice:*:111122223333:finance/*' } }), request({ 'aws:SourceArn': 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt' }), 'ImplicitDeny', URL.operators, QUOTE.arnExampleFails),
  c('StringLike matches the same value across colons', when({ StringLike: { 'aws:SourceArn': 'arn:aws:someservice:*:111122223333:finance/*' } }), request({ 'aws:SourceArn': 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt' }), 'Allow', URL.operators, QUOTE.stringLikeAcrossColons),
  c('ArnEquals accepts wildcards like ArnLike', when({ ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:*:123456789012:topic-?' } }), request({ 'aws:SourceArn': 'arn:aws:sns:eu-west-1:123456789012:topic-b' }), 'Allow', URL.operators, QUOTE.arnIdentical),
  c('ArnNotLike with a matching ARN', when({ ArnNotLike: { 'aws:SourceArn': 'arn:aws:sns:*:123456789012:*' } }), request({ 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:t' }), 'ImplicitDeny', URL.operators, QUOTE.arnNegated),
  c('ArnNotLike on a missing key', when({ ArnNotLike: { 'aws:SourceArn': 'arn:aws:sns:*:123456789012:*' } }), request(), 'Allow', URL.operators, QUOTE.negatedMissingKey),
];

const missing: ConformanceCase[] = [
  c('StringEquals on a missing key', when({ StringEquals: { [SUB]: SUB_WEB_DEV } }), request(), 'ImplicitDeny', URL.operators, QUOTE.missingKey),
  c('StringNotLike on a missing key', when({ StringNotLike: { [SUB]: 'org:evil:*' } }), request(), 'Allow', URL.operators, QUOTE.negatedMissingKey),
  c('StringNotEquals on a missing key', when({ StringNotEquals: { 'aws:RequestTag/stage': 'production' } }), request(), 'Allow', URL.operators, QUOTE.negatedMissingKey),
  c('StringLikeIfExists on a missing key', when({ StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*', 'm3.*'] } }), request(), 'Allow', URL.operators, QUOTE.ifExists),
  c('StringLikeIfExists on a present, non-matching key', when({ StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*', 'm3.*'] } }), request({ 'ec2:InstanceType': 'c5.large' }), 'ImplicitDeny', URL.operators, QUOTE.ifExists),
  c('StringEqualsIfExists on a present, matching key', when({ StringEqualsIfExists: { 'aws:RequestTag/stage': 'production' } }), request({ 'aws:RequestTag/stage': 'production' }), 'Allow', URL.operators, QUOTE.ifExists),
  c('Deny with StringNotEqualsIfExists on a missing key still denies', policy(statement(), { Effect: 'Deny', Principal: '*', Action: '*', Condition: { StringNotEqualsIfExists: { 'aws:RequestTag/team': 'blue' } } }), request(), 'ExplicitDeny', URL.operators, QUOTE.ifExistsDeny),
  c('NumericLessThanIfExists on a missing key', when({ NumericLessThanIfExists: { 'sts:DurationSeconds': '3600' } }), request(), 'Allow', URL.operators, QUOTE.ifExists),
  c('Null true with the key missing', when({ Null: { 'aws:TokenIssueTime': 'true' } }), request(), 'Allow', URL.operators, QUOTE.nullCheck),
  c('Null true with the key present', when({ Null: { 'aws:TokenIssueTime': 'true' } }), request({ 'aws:TokenIssueTime': '2024-01-01T00:00:00Z' }), 'ImplicitDeny', URL.operators, QUOTE.nullCheck),
  c('Null false with the key present', when({ Null: { 'aws:TokenIssueTime': 'false' } }), request({ 'aws:TokenIssueTime': '2024-01-01T00:00:00Z' }), 'Allow', URL.operators, QUOTE.nullCheck),
  c('Null false with the key missing', when({ Null: { 'aws:TokenIssueTime': false } }), request(), 'ImplicitDeny', URL.operators, QUOTE.nullCheck),
];

const TAG_KEYS = { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] } };
const sets: ConformanceCase[] = [
  c('ForAllValues with every request value listed', when(TAG_KEYS), request({ 'aws:TagKeys': ['environment', 'cost-center'] }), 'Allow', URL.singleVsMulti, QUOTE.forAllValues),
  c('ForAllValues with one unlisted request value', when(TAG_KEYS), request({ 'aws:TagKeys': ['environment', 'dept'] }), 'ImplicitDeny', URL.singleVsMulti, QUOTE.forAllValues),
  c('ForAllValues with the key missing', when(TAG_KEYS), request(), 'Allow', URL.singleVsMulti, QUOTE.forAllValuesMissing),
  c('ForAllValues guarded by Null false with the key missing', when({ ...TAG_KEYS, Null: { 'aws:TagKeys': 'false' } }), request(), 'ImplicitDeny', URL.singleVsMulti, QUOTE.forAllValuesNull),
  c('ForAllValues with an empty set', when(TAG_KEYS), request({ 'aws:TagKeys': [] }), 'Allow', URL.multiValue, QUOTE.emptySet),
  c('ForAnyValue with one listed request value', when({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] } }), request({ 'aws:TagKeys': ['environment', 'dept'] }), 'Allow', URL.singleVsMulti, QUOTE.forAnyValue),
  c('ForAnyValue with no listed request value', when({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] } }), request({ 'aws:TagKeys': ['dept'] }), 'ImplicitDeny', URL.singleVsMulti, QUOTE.forAnyValue),
  c('ForAnyValue with the key missing', when({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['environment'] } }), request(), 'ImplicitDeny', URL.singleVsMulti, QUOTE.forAnyValueMissing),
  c('ForAnyValue with an empty set', when({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['environment'] } }), request({ 'aws:TagKeys': [] }), 'ImplicitDeny', URL.multiValue, QUOTE.emptySet),
  c('Deny with ForAnyValue and the key missing does not apply', policy(statement(), { Effect: 'Deny', Principal: '*', Action: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['restricted'] } } }), request(), 'Allow', URL.singleVsMulti, QUOTE.forAnyValueDeny),
  c('ForAllValues:StringLike with a wildcard', when({ 'ForAllValues:StringLike': { 'aws:TagKeys': 'Created*' } }), request({ 'aws:TagKeys': ['CreatedBy', 'CreatedAt'] }), 'Allow', URL.singleVsMulti, QUOTE.forAllValues),
  c('ForAllValues with a negated operator: no request value listed', when({ 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['secret'] } }), request({ 'aws:TagKeys': ['a', 'b'] }), 'Allow', URL.multiValue, QUOTE.norValues),
  c('ForAllValues with a negated operator: one request value listed', when({ 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['secret'] } }), request({ 'aws:TagKeys': ['a', 'secret'] }), 'ImplicitDeny', URL.multiValue, QUOTE.norValues),
  c('a multivalued key without a set operator', when({ StringEquals: { 'aws:TagKeys': ['environment', 'cost-center'] } }), request({ 'aws:TagKeys': ['environment', 'cost-center'] }), 'ImplicitDeny', URL.singleVsMulti, QUOTE.multivaluedNeedsSetOperator),
];

const logic: ConformanceCase[] = [
  c('several operators are ANDed (one fails)', when({ StringEquals: { 'aws:PrincipalTag/department': ['finance', 'hr', 'legal'] }, ArnLike: { 'aws:PrincipalArn': ['arn:aws:iam::222222222222:user/Ana', 'arn:aws:iam::222222222222:user/Mary'] } }), request({ 'aws:PrincipalTag/department': 'hr', 'aws:PrincipalArn': 'arn:aws:iam::222222222222:user/Nikki' }), 'ImplicitDeny', URL.multiValue, QUOTE.andOperators),
  c('several operators are ANDed (all hold)', when({ StringEquals: { 'aws:PrincipalTag/department': ['finance', 'hr', 'legal'] }, ArnLike: { 'aws:PrincipalArn': ['arn:aws:iam::222222222222:user/Ana', 'arn:aws:iam::222222222222:user/Mary'] } }), request({ 'aws:PrincipalTag/department': 'legal', 'aws:PrincipalArn': 'arn:aws:iam::222222222222:user/Mary' }), 'Allow', URL.multiValue, QUOTE.andOperators),
  c('several keys under one operator are ANDed', when({ StringEquals: { 'aws:PrincipalTag/department': ['finance', 'hr'], 'aws:PrincipalTag/role': ['audit', 'security'] } }), request({ 'aws:PrincipalTag/department': 'hr' }), 'ImplicitDeny', URL.multiValue, QUOTE.andKeys),
  c('several values of one key are ORed', when({ StringEquals: { [SUB]: ['org:x', SUB_WEB_DEV] } }), request({ [SUB]: SUB_WEB_DEV }), 'Allow', URL.multiValue, QUOTE.orValues),
  c('negated values are NORed (one matches)', when({ ArnNotLike: { 'aws:PrincipalArn': ['arn:aws:iam::222222222222:user/Ana', 'arn:aws:iam::222222222222:user/Mary'] } }), request({ 'aws:PrincipalArn': 'arn:aws:iam::222222222222:user/Mary' }), 'ImplicitDeny', URL.multiValue, QUOTE.norValues),
  c('negated values are NORed (none matches)', when({ ArnNotLike: { 'aws:PrincipalArn': ['arn:aws:iam::222222222222:user/Ana', 'arn:aws:iam::222222222222:user/Mary'] } }), request({ 'aws:PrincipalArn': 'arn:aws:iam::222222222222:user/Nikki' }), 'Allow', URL.multiValue, QUOTE.norValues),
  c('condition key names are case-insensitive (request spelled differently)', when({ IpAddress: { 'aws:SourceIP': '203.0.113.0/24' } }), request({ 'AWS:sourceip': '203.0.113.8' }), 'Allow', URL.condition, QUOTE.keyNamesCaseInsensitive),
  c('condition key names are case-insensitive (OIDC key)', when({ StringEquals: { [SUB.toUpperCase()]: SUB_WEB_DEV } }), request({ [SUB]: SUB_WEB_DEV }), 'Allow', URL.condition, QUOTE.keyNamesCaseInsensitive),
  c('condition values are case-sensitive for StringEquals', when({ StringEquals: { 'aws:username': 'johndoe' } }), request({ 'aws:username': 'JohnDoe' }), 'ImplicitDeny', URL.condition, QUOTE.valuesCaseSensitive),
  c('StringEqualsIgnoreCase matches johndoe and JohnDoe', when({ StringEqualsIgnoreCase: { 'aws:username': 'johndoe' } }), request({ 'aws:username': 'JohnDoe' }), 'Allow', URL.condition, QUOTE.ignoreCaseJohnDoe),
];

const variables: ConformanceCase[] = [
  c('a policy variable is replaced by the request value', when({ StringLike: { 's3:prefix': '${aws:username}/*' } }), request({ 's3:prefix': 'alice/notes', 'aws:username': 'alice' }), 'Allow', URL.variables, QUOTE.variableReplaced),
  c('a policy variable with another request value', when({ StringLike: { 's3:prefix': '${aws:username}/*' } }), request({ 's3:prefix': 'bob/notes', 'aws:username': 'alice' }), 'ImplicitDeny', URL.variables, QUOTE.variableReplaced),
  c('${*} is a literal asterisk (matches *)', when({ StringLike: { 'test:name': 'a${*}b' } }), request({ 'test:name': 'a*b' }), 'Allow', URL.variables, QUOTE.variableStar),
  c('${*} is not a wildcard', when({ StringLike: { 'test:name': 'a${*}b' } }), request({ 'test:name': 'axyzb' }), 'ImplicitDeny', URL.variables, QUOTE.variableStar),
  c('${?} is a literal question mark', when({ StringLike: { 'test:name': 'a${?}b' } }), request({ 'test:name': 'a?b' }), 'Allow', URL.variables, QUOTE.variableQuestion),
  c('${?} does not match any character', when({ StringLike: { 'test:name': 'a${?}b' } }), request({ 'test:name': 'axb' }), 'ImplicitDeny', URL.variables, QUOTE.variableQuestion),
  c('${$} is a literal dollar sign', when({ StringEquals: { 'test:name': '${$}{aws:username}' } }), request({ 'test:name': '${aws:username}', 'aws:username': 'alice' }), 'Allow', URL.variables, QUOTE.variableDollar),
  c('a default value is used when the key is missing', when({ StringEquals: { 's3:prefix': "${aws:PrincipalTag/team, 'company-wide'}" } }), request({ 's3:prefix': 'company-wide' }), 'Allow', URL.variables, QUOTE.variableDefault),
  c('a default value is not used when the key is present', when({ StringEquals: { 's3:prefix': "${aws:PrincipalTag/team, 'company-wide'}" } }), request({ 's3:prefix': 'company-wide', 'aws:PrincipalTag/team': 'yellow' }), 'ImplicitDeny', URL.variables, QUOTE.variableDefault),
  c('a variable with no value does not match StringEquals', when({ StringEquals: { 's3:ExistingObjectTag/Team': '${aws:PrincipalTag/Team}' } }), request({ 's3:ExistingObjectTag/Team': '' }), 'ImplicitDeny', URL.variables, QUOTE.variableNoValue),
  c('a variable with no value matches StringNotEquals', when({ StringNotEquals: { 's3:ExistingObjectTag/Team': '${aws:PrincipalTag/Team}' } }), request({ 's3:ExistingObjectTag/Team': 'red' }), 'Allow', URL.variables, QUOTE.variableNoValueNegated),
  c('without Version 2012-10-17 a variable is literal text', { Version: '2008-10-17', Statement: [statement({ StringEquals: { 'test:name': '${aws:username}' } })] }, request({ 'test:name': '${aws:username}', 'aws:username': 'alice' }), 'Allow', URL.variables, QUOTE.variableVersion),
  c('without Version 2012-10-17 a variable is not replaced', { Version: '2008-10-17', Statement: [statement({ StringEquals: { 'test:name': '${aws:username}' } })] }, request({ 'test:name': 'alice', 'aws:username': 'alice' }), 'ImplicitDeny', URL.variables, QUOTE.variableVersion),
  c('a multivalued key cannot be a variable', when({ StringEquals: { 'test:name': '${aws:TagKeys}' } }), request({ 'test:name': 'a', 'aws:TagKeys': ['a', 'b'] }), 'ImplicitDeny', URL.variables, QUOTE.variableSingleValued),
  c('variable key names are case-insensitive', when({ StringEquals: { 'test:name': '${AWS:UserName}' } }), request({ 'test:name': 'alice', 'aws:username': 'alice' }), 'Allow', URL.variables, QUOTE.variableKeyCase),
  c('a variable in an ARN operator', when({ ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:123456789012:${aws:username}-*' } }), request({ 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:alice-topic', 'aws:username': 'alice' }), 'Allow', URL.variables, QUOTE.variableArn),
];

// A user-supplied empty string (an empty session-tag value) is null, and null is "the key doesn't exist".
const TEAM = 'aws:RequestTag/team';
const nulls: ConformanceCase[] = [
  c('an empty tag value is null: Null true holds', when({ Null: { [TEAM]: 'true' } }), request({ [TEAM]: '' }), 'Allow', URL.condition, QUOTE.nullUserDefined),
  c('an empty tag value is null: Null false fails', when({ Null: { [TEAM]: 'false' } }), request({ [TEAM]: '' }), 'ImplicitDeny', URL.operators, QUOTE.nullCheck),
  c('an empty tag value does not equal an empty policy value', when({ StringEquals: { [TEAM]: '' } }), request({ [TEAM]: '' }), 'ImplicitDeny', URL.condition, QUOTE.nullUserDefined),
  c('StringLike * does not match an empty tag value', when({ StringLike: { [TEAM]: '*' } }), request({ [TEAM]: '' }), 'ImplicitDeny', URL.condition, QUOTE.nullUserDefined),
  c('a negated operator matches an empty tag value', when({ StringNotEquals: { [TEAM]: '' } }), request({ [TEAM]: '' }), 'Allow', URL.variables, QUOTE.variableNoValueNegated),
  c('StringNotLike * matches an empty tag value', when({ StringNotLike: { 'aws:PrincipalTag/team': '*' } }), request({ 'aws:PrincipalTag/team': '' }), 'Allow', URL.variables, QUOTE.variableNoValueNegated),
  c('…IfExists treats an empty tag value as absent', when({ StringEqualsIfExists: { [TEAM]: 'blue' } }), request({ [TEAM]: '' }), 'Allow', URL.operators, QUOTE.ifExists),
  c('Deny with StringNotEqualsIfExists and an empty tag value still denies', policy(statement(), { Effect: 'Deny', Principal: '*', Action: '*', Condition: { StringNotEqualsIfExists: { [TEAM]: 'blue' } } }), request({ [TEAM]: '' }), 'ExplicitDeny', URL.operators, QUOTE.ifExistsDeny),
  c('ForAllValues with only an empty tag key is true', when({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment'] } }), request({ 'aws:TagKeys': [''] }), 'Allow', URL.multiValueExamples, QUOTE.nullDataset),
  c('ForAllValues with an empty tag key, guarded by Null false', when({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment'] }, Null: { 'aws:TagKeys': 'false' } }), request({ 'aws:TagKeys': [''] }), 'ImplicitDeny', URL.multiValueExamples, QUOTE.nullDatasetGuard),
  c('ForAllValues ignores an empty tag key next to listed ones', when({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment'] } }), request({ 'aws:TagKeys': ['environment', ''] }), 'Allow', URL.condition, QUOTE.nullForAllValues),
  c('ForAnyValue with only an empty tag key is false', when({ 'ForAnyValue:StringLike': { 'aws:TagKeys': '*' } }), request({ 'aws:TagKeys': [''] }), 'ImplicitDeny', URL.multiValue, QUOTE.emptySet),
  c('ForAnyValue with a negated operator and only an empty transitive key is false', when({ 'ForAnyValue:StringNotEquals': { 'sts:TransitiveTagKeys': 'project' } }), request({ 'sts:TransitiveTagKeys': [''] }), 'ImplicitDeny', URL.multiValue, QUOTE.emptySet),
  c('a variable whose tag value is empty takes its default', when({ StringEquals: { 's3:prefix': "${aws:PrincipalTag/team, 'company-wide'}" } }), request({ 's3:prefix': 'company-wide', 'aws:PrincipalTag/team': '' }), 'Allow', URL.variables, QUOTE.variableDefault),
  c('a variable whose tag value is empty has no value', when({ StringEquals: { 's3:prefix': '${aws:PrincipalTag/team}' } }), request({ 's3:prefix': '', 'aws:PrincipalTag/team': '' }), 'ImplicitDeny', URL.variables, QUOTE.variableNoValue),
];

const opts = { issuer: ISSUER, accountId: '111122223333' };
const tokenTags = { principal_tags: { project: ['web'], stage: ['production'] }, transitive_tag_keys: ['project'] };
const oidc: ConformanceCase[] = [
  c(':aud is azp when the token has azp', when({ StringEquals: { [AUD]: 'client-azp' } }), deriveRequestFromClaims({ sub: SUB_WEB_DEV, aud: 'sts.amazonaws.com', azp: 'client-azp' }, opts), 'Allow', URL.iamKeys, QUOTE.oidcAzp),
  c(':aud is not aud when the token has azp', when({ StringEquals: { [AUD]: 'sts.amazonaws.com' } }), deriveRequestFromClaims({ sub: SUB_WEB_DEV, aud: 'sts.amazonaws.com', azp: 'client-azp' }, opts), 'ImplicitDeny', URL.iamKeys, QUOTE.oidcAzp),
  c(':aud is aud when the token has no azp', when({ StringEquals: { [AUD]: 'sts.amazonaws.com' } }), deriveRequestFromClaims({ sub: SUB_WEB_DEV, aud: 'sts.amazonaws.com' }, opts), 'Allow', URL.iamKeys, QUOTE.oidcAudNoAzp),
  c(':sub is the sub claim', when({ StringEquals: { [AUD]: 'sts.amazonaws.com', [SUB]: SUB_WEB_DEV } }), deriveRequestFromClaims({ sub: SUB_WEB_DEV, aud: 'sts.amazonaws.com' }, opts), 'Allow', URL.iamKeys, QUOTE.oidcSub),
  c(':amr is multivalued (ForAnyValue)', when({ 'ForAnyValue:StringLike': { [`${P}:amr`]: 'mfa' } }), deriveRequestFromClaims({ sub: SUB_WEB_DEV, aud: 'sts.amazonaws.com', amr: ['pwd', 'mfa'] }, opts), 'Allow', URL.iamKeys, QUOTE.oidcAmr),
  c('a session tag becomes aws:RequestTag', when({ StringEquals: { 'aws:RequestTag/stage': 'production' } }), deriveRequestFromClaims({ sub: SUB_WEB_DEV, 'https://aws.amazon.com/tags': tokenTags }, opts), 'Allow', URL.globalKeys, QUOTE.requestTag),
  c('session tag keys become aws:TagKeys', when({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['project', 'stage', 'environment'] }, Null: { 'aws:TagKeys': 'false' } }), deriveRequestFromClaims({ sub: SUB_WEB_DEV, 'https://aws.amazon.com/tags': tokenTags }, opts), 'Allow', URL.globalKeys, QUOTE.tagKeys),
  c('transitive tag keys become sts:TransitiveTagKeys', when({ 'ForAnyValue:StringEquals': { 'sts:TransitiveTagKeys': 'project' } }), deriveRequestFromClaims({ sub: SUB_WEB_DEV, 'https://aws.amazon.com/tags': tokenTags }, opts), 'Allow', URL.iamKeys, QUOTE.transitiveTagKeys),
  c('an empty session-tag value in the token is null in the request', when({ Null: { [TEAM]: 'true', 'aws:TagKeys': 'false' } }), deriveRequestFromClaims({ sub: SUB_WEB_DEV, 'https://aws.amazon.com/tags': { principal_tags: { team: [''], stage: ['production'] } } }, opts), 'Allow', URL.condition, QUOTE.nullUserDefined),
  c('an empty session-tag value in the token does not match StringEquals ""', when({ StringEquals: { [TEAM]: '' } }), deriveRequestFromClaims({ sub: SUB_WEB_DEV, 'https://aws.amazon.com/tags': { principal_tags: { team: [''] } } }, opts), 'ImplicitDeny', URL.condition, QUOTE.nullUserDefined),
  c('the role session name is sts:RoleSessionName', when({ StringLike: { 'sts:RoleSessionName': 'env-*' } }), deriveRequestFromClaims({ sub: SUB_WEB_DEV }, { ...opts, roleSessionName: 'env-dev' }), 'Allow', URL.iamKeys, QUOTE.roleSessionName),
  c('the principal is the IAM OIDC provider of the issuer', policy(statement()), deriveRequestFromClaims({ sub: SUB_WEB_DEV }, opts), 'Allow', URL.principal, QUOTE.webIdentityPrincipal),
];

export const CONFORMANCE_CASES: ConformanceCase[] = [...evaluation, ...actions, ...principals, ...strings, ...numbers, ...dates, ...booleans, ...ips, ...arns, ...missing, ...sets, ...nulls, ...logic, ...variables, ...oidc];
