// Console export: numbered steps in the AWS Management Console, for admins who click.
import { MANAGED_BY_TAG, type ProviderSpec, type RoleSpec } from '../resource-spec';

const numbered = (steps: string[]) => steps.map((s, i) => `${i + 1}. ${s}`).join('\n\n');

export function providerConsole(spec: ProviderSpec): string {
  const steps = [
    `Sign in to the AWS Management Console with account ${spec.accountId} and open IAM → Identity providers → Add provider.`,
    'Provider type: OpenID Connect.',
    `Provider URL: ${spec.issuerUrl}`,
    `Audience: ${spec.audiences[0] ?? 'sts.amazonaws.com'}`,
    ...(spec.thumbprints.length > 0 ? [`Thumbprints (only needed for a private CA): after creating, open the provider → Thumbprints → Manage, and enter ${spec.thumbprints.join(', ')}.`] : []),
    `Add tag: key ${MANAGED_BY_TAG}, value ${spec.orgId}. Then choose Add provider.`,
    ...(spec.audiences.length > 1 ? [`Open the new provider → Audiences → Actions → Add audience, once for each of: ${spec.audiences.slice(1).join(', ')}.`] : []),
    `Check: the provider's ARN is ${spec.arn}`,
  ];
  return `Trustbridge: the IAM OIDC identity provider of organization ${spec.orgId} in AWS account ${spec.accountId}\n\n${numbered(steps)}\n`;
}

export function roleConsole(spec: RoleSpec): string {
  const policy = JSON.stringify(JSON.parse(spec.trustPolicy), null, 2);
  const steps = [
    ...(spec.path !== '/' ? [`The console cannot give a role a path (${spec.path}); use the AWS CLI, CloudFormation or Terraform export instead, or create the role without the path (its ARN then differs: arn:aws:iam::${spec.accountId}:role/${spec.roleName}).`] : []),
    `Sign in to the AWS Management Console with account ${spec.accountId}, open IAM → Roles → Create role.`,
    `Trusted entity type: Custom trust policy. Replace the editor's content with this policy:\n\n${policy}`,
    spec.managedPolicyArns.length > 0 ? `Add permissions: select ${spec.managedPolicyArns.join(', ')}.` : 'Add permissions: choose the policies this role needs (Trustbridge attaches none).',
    `Role name: ${spec.roleName}${spec.description !== '' ? `. Description: ${spec.description}` : ''}. Add tag: key ${MANAGED_BY_TAG}, value ${spec.orgId}. Then choose Create role.`,
    ...(spec.maxSessionDuration !== 3600 ? [`Open the role → Summary → Edit → Maximum session duration: ${spec.maxSessionDuration} seconds (${spec.maxSessionDuration / 3600} hours) → Save changes.`] : []),
    `Check: the role's ARN is ${spec.arn}`,
  ];
  return `Trustbridge: IAM role ${spec.roleName} of organization ${spec.orgId} in AWS account ${spec.accountId}\nCreate the organization's OIDC provider first: the trust policy names it.\n\n${numbered(steps)}\n`;
}
