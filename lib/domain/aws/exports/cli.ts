// AWS CLI export: a bash script that creates exactly what "apply" creates. It checks the account
// first (like Trustbridge's sts:GetCallerIdentity check), embeds the trust policy in a quoted
// heredoc (nothing expanded) written to a temporary file, and passes every value as one
// single-quoted word. The AWS CLI's own endpoint variables (AWS_ENDPOINT_URL_IAM/STS) apply.
import { MANAGED_BY_TAG, type ProviderSpec, type RoleSpec } from '../resource-spec';
import { heredocDelimiter, shellQuote } from './quote';

function header(lines: string[], accountId: string): string[] {
  return [
    '#!/usr/bin/env bash',
    ...lines.map((l) => `# ${l}`),
    'set -euo pipefail',
    '',
    '# Stop unless these credentials belong to the right account.',
    'account="$(aws sts get-caller-identity --query Account --output text)"',
    `if [ "$account" != ${shellQuote(accountId)} ]; then`,
    `  echo "These AWS credentials are for account $account, not ${accountId}." >&2`,
    '  exit 1',
    'fi',
    '',
  ];
}

const continued = (command: string, args: string[]) => [command, ...args.map((a) => `  ${a}`)].map((line, i, all) => (i < all.length - 1 ? `${line} \\` : line));

export function providerCli(spec: ProviderSpec): string {
  const args = [`--url ${shellQuote(spec.issuerUrl)}`, `--client-id-list ${spec.audiences.map(shellQuote).join(' ')}`];
  if (spec.thumbprints.length > 0) args.push(`--thumbprint-list ${spec.thumbprints.map(shellQuote).join(' ')}`);
  args.push(`--tags ${shellQuote(`Key=${MANAGED_BY_TAG},Value=${spec.orgId}`)}`);
  return [
    ...header([`Trustbridge: the IAM OIDC identity provider of organization ${spec.orgId}`, `in AWS account ${spec.accountId}. Creates ${spec.arn}`], spec.accountId),
    ...continued('aws iam create-open-id-connect-provider', args),
    '',
    `# If it exists already, add a missing client ID with:`,
    `#   aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn ${shellQuote(spec.arn)} --client-id <client id>`,
    '',
  ].join('\n');
}

export function roleCli(spec: RoleSpec): string {
  const policy = JSON.stringify(JSON.parse(spec.trustPolicy), null, 2);
  const eof = heredocDelimiter(policy, 'TRUSTBRIDGE_TRUST_POLICY');
  const name = shellQuote(spec.roleName);
  const args = [`--role-name ${name}`, `--path ${shellQuote(spec.path)}`, `--max-session-duration ${spec.maxSessionDuration}`];
  if (spec.description !== '') args.push(`--description ${shellQuote(spec.description)}`);
  args.push('--assume-role-policy-document "file://$policy_file"', `--tags ${shellQuote(`Key=${MANAGED_BY_TAG},Value=${spec.orgId}`)}`);
  return [
    ...header([`Trustbridge: IAM role ${spec.roleName} of organization ${spec.orgId} in AWS account ${spec.accountId}.`, `Creates ${spec.arn}. Its trust policy names the organization's OIDC provider: create that first.`], spec.accountId),
    'policy_file="$(mktemp)"',
    'trap \'rm -f "$policy_file"\' EXIT',
    `cat > "$policy_file" <<'${eof}'`,
    policy,
    eof,
    '',
    ...continued('aws iam create-role', args),
    ...spec.managedPolicyArns.flatMap((arn) => ['', `aws iam attach-role-policy --role-name ${name} --policy-arn ${shellQuote(arn)}`]),
    '',
    '# If the role exists already, update it instead of create-role:',
    `#   aws iam update-assume-role-policy --role-name ${name} --policy-document "file://$policy_file"`,
    `#   aws iam update-role --role-name ${name} --max-session-duration ${spec.maxSessionDuration}${spec.description !== '' ? ` --description ${shellQuote(spec.description)}` : ''}`,
    '',
  ].join('\n');
}
