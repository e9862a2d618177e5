// The minimal IAM policy the AWS credentials an admin pastes (or the server's own) need for each
// thing Trustbridge does in AWS, scoped to the one provider or role it touches. Shown next to the
// credentials field (copyable) and returned with every aws_access_denied error. Sources: IAM
// Service Authorization Reference ("Actions defined by AWS Identity and Access Management"):
// CreateOpenIDConnectProvider with Tags also needs iam:TagOpenIDConnectProvider, CreateRole with Tags
// iam:TagRole; sts:GetCallerIdentity needs no permission ("No permissions are required").

export const AWS_OPERATIONS = [
  'provider.apply',
  'provider.verify',
  'provider.adopt',
  'provider.delete-in-aws',
  'role.apply',
  'role.verify',
  'role.adopt',
  'role.delete-in-aws',
] as const;
export type AwsOperation = (typeof AWS_OPERATIONS)[number];

const PROVIDER_READ = ['iam:GetOpenIDConnectProvider'];
const ROLE_READ = ['iam:GetRole', 'iam:ListAttachedRolePolicies'];

export const REQUIRED_ACTIONS: Readonly<Record<AwsOperation, readonly string[]>> = {
  'provider.apply': [
    'iam:CreateOpenIDConnectProvider',
    'iam:TagOpenIDConnectProvider',
    'iam:GetOpenIDConnectProvider',
    'iam:AddClientIDToOpenIDConnectProvider',
    'iam:RemoveClientIDFromOpenIDConnectProvider',
    'iam:UpdateOpenIDConnectProviderThumbprint',
  ],
  'provider.verify': PROVIDER_READ,
  'provider.adopt': PROVIDER_READ,
  'provider.delete-in-aws': ['iam:GetOpenIDConnectProvider', 'iam:DeleteOpenIDConnectProvider'],
  'role.apply': [
    'iam:GetRole',
    'iam:CreateRole',
    'iam:TagRole',
    'iam:UpdateAssumeRolePolicy',
    'iam:UpdateRole',
    'iam:ListAttachedRolePolicies',
    'iam:AttachRolePolicy',
    'iam:DetachRolePolicy',
  ],
  'role.verify': ROLE_READ,
  'role.adopt': ROLE_READ,
  'role.delete-in-aws': ['iam:GetRole', 'iam:ListAttachedRolePolicies', 'iam:DetachRolePolicy', 'iam:ListRolePolicies', 'iam:DeleteRolePolicy', 'iam:DeleteRole'],
};

export const OPERATION_LABELS: Readonly<Record<AwsOperation, string>> = {
  'provider.apply': 'create or update the OIDC provider',
  'provider.verify': 'verify the OIDC provider',
  'provider.adopt': "take the OIDC provider's AWS version into the record",
  'provider.delete-in-aws': 'delete the OIDC provider in AWS',
  'role.apply': 'create or update the role',
  'role.verify': 'verify the role',
  'role.adopt': "take the role's AWS version into the record",
  'role.delete-in-aws': 'delete the role in AWS',
};

export interface PermissionTarget {
  partition?: string;
  accountId: string;
  /** Provider operations: the provider's ARN. */
  providerArn?: string;
  /** Role operations: the role's ARN. */
  roleArn?: string;
}

export interface IamPolicyDocument {
  Version: '2012-10-17';
  Statement: Array<{ Sid: string; Effect: 'Allow'; Action: string[]; Resource: string }>;
}

const SIDS: Readonly<Record<AwsOperation, string>> = {
  'provider.apply': 'TrustbridgeApplyOidcProvider',
  'provider.verify': 'TrustbridgeVerifyOidcProvider',
  'provider.adopt': 'TrustbridgeReadOidcProvider',
  'provider.delete-in-aws': 'TrustbridgeDeleteOidcProvider',
  'role.apply': 'TrustbridgeApplyRole',
  'role.verify': 'TrustbridgeVerifyRole',
  'role.adopt': 'TrustbridgeReadRole',
  'role.delete-in-aws': 'TrustbridgeDeleteRole',
};

/** `*` stands in for what is not known yet (e.g. before a role has a name). */
function resourceFor(operation: AwsOperation, target: PermissionTarget): string {
  const partition = target.partition ?? 'aws';
  if (operation.startsWith('provider.')) return target.providerArn ?? `arn:${partition}:iam::${target.accountId}:oidc-provider/*`;
  return target.roleArn ?? `arn:${partition}:iam::${target.accountId}:role/*`;
}

/** The policy to attach to the credentials' user or role for `operation` on `target`. */
export function requiredPolicy(operation: AwsOperation, target: PermissionTarget): IamPolicyDocument {
  return { Version: '2012-10-17', Statement: [{ Sid: SIDS[operation], Effect: 'Allow', Action: [...REQUIRED_ACTIONS[operation]], Resource: resourceFor(operation, target) }] };
}

/** One policy covering several operations (e.g. everything the wizard does for a provider and a role). */
export function requiredPolicyFor(operations: readonly AwsOperation[], target: PermissionTarget): IamPolicyDocument {
  return { Version: '2012-10-17', Statement: operations.flatMap((op) => requiredPolicy(op, target).Statement) };
}
