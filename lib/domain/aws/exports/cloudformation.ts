// CloudFormation export: a JSON template (JSON is YAML too, so either tool chain takes it).
// Roles with a RoleName need --capabilities CAPABILITY_NAMED_IAM.
import { managedByTags, type ProviderSpec, type RoleSpec } from '../resource-spec';

export function providerCloudFormation(spec: ProviderSpec): string {
  const properties: Record<string, unknown> = { Url: spec.issuerUrl, ClientIdList: [...spec.audiences] };
  if (spec.thumbprints.length > 0) properties.ThumbprintList = [...spec.thumbprints];
  properties.Tags = managedByTags(spec.orgId);
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Trustbridge: IAM OIDC identity provider of organization ${spec.orgId} (account ${spec.accountId})`,
    Resources: { TrustbridgeOidcProvider: { Type: 'AWS::IAM::OIDCProvider', Properties: properties } },
    Outputs: { ProviderArn: { Description: 'ARN of the OIDC provider', Value: { Ref: 'TrustbridgeOidcProvider' } } },
  };
  return `${JSON.stringify(template, null, 2)}\n`;
}

export function roleCloudFormation(spec: RoleSpec): string {
  const properties: Record<string, unknown> = {
    RoleName: spec.roleName,
    Path: spec.path,
    MaxSessionDuration: spec.maxSessionDuration,
    ...(spec.description !== '' ? { Description: spec.description } : {}),
    AssumeRolePolicyDocument: JSON.parse(spec.trustPolicy) as unknown,
    ...(spec.managedPolicyArns.length > 0 ? { ManagedPolicyArns: [...spec.managedPolicyArns] } : {}),
    Tags: managedByTags(spec.orgId),
  };
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Trustbridge: IAM role ${spec.roleName} of organization ${spec.orgId} (account ${spec.accountId}). Deploy with --capabilities CAPABILITY_NAMED_IAM.`,
    Resources: { TrustbridgeRole: { Type: 'AWS::IAM::Role', Properties: properties } },
    Outputs: { RoleArn: { Description: 'ARN of the role', Value: { 'Fn::GetAtt': ['TrustbridgeRole', 'Arn'] } } },
  };
  return `${JSON.stringify(template, null, 2)}\n`;
}
