// Terraform export (hashicorp/aws provider). The trust policy is a heredoc of the JSON itself, with
// `${` and `%{` escaped so Terraform takes it literally; every other string is an HCL quoted string.
// thumbprint_list may be omitted with hashicorp/aws >= 5.81.
import { MANAGED_BY_TAG, type ProviderSpec, type RoleSpec } from '../resource-spec';
import { escapeTemplate, hclLabel, hclString, heredocDelimiter } from './quote';

const list = (values: readonly string[]) => `[${values.map(hclString).join(', ')}]`;
const tags = (orgId: string) => ['  tags = {', `    ${hclString(MANAGED_BY_TAG)} = ${hclString(orgId)}`, '  }'];

export function providerTerraform(spec: ProviderSpec): string {
  return [
    `# Trustbridge: IAM OIDC identity provider of organization ${spec.orgId} in AWS account ${spec.accountId}.`,
    `# Creates ${spec.arn}`,
    `resource "aws_iam_openid_connect_provider" "trustbridge" {`,
    `  url            = ${hclString(spec.issuerUrl)}`,
    `  client_id_list = ${list(spec.audiences)}`,
    ...(spec.thumbprints.length > 0 ? [`  thumbprint_list = ${list(spec.thumbprints)}`] : []),
    '',
    ...tags(spec.orgId),
    '}',
    '',
    'output "trustbridge_oidc_provider_arn" {',
    '  value = aws_iam_openid_connect_provider.trustbridge.arn',
    '}',
    '',
  ].join('\n');
}

export function roleTerraform(spec: RoleSpec): string {
  const label = hclLabel(spec.roleName);
  const policy = escapeTemplate(JSON.stringify(JSON.parse(spec.trustPolicy), null, 2));
  const eof = heredocDelimiter(policy, 'TRUST_POLICY');
  const attachments = spec.managedPolicyArns.flatMap((arn, i) => [
    '',
    `resource "aws_iam_role_policy_attachment" "${label}_${i + 1}" {`,
    `  role       = aws_iam_role.${label}.name`,
    `  policy_arn = ${hclString(arn)}`,
    '}',
  ]);
  return [
    `# Trustbridge: IAM role ${spec.roleName} of organization ${spec.orgId} in AWS account ${spec.accountId}.`,
    `# Creates ${spec.arn}. Its trust policy names the organization's OIDC provider: create that first.`,
    `resource "aws_iam_role" "${label}" {`,
    `  name                 = ${hclString(spec.roleName)}`,
    `  path                 = ${hclString(spec.path)}`,
    ...(spec.description !== '' ? [`  description          = ${hclString(spec.description)}`] : []),
    `  max_session_duration = ${spec.maxSessionDuration}`,
    `  assume_role_policy   = <<${eof}`,
    policy,
    eof,
    '',
    ...tags(spec.orgId),
    '}',
    ...attachments,
    '',
    `output "${label}_arn" {`,
    `  value = aws_iam_role.${label}.arn`,
    '}',
    '',
  ].join('\n');
}
