// What Trustbridge creates in AWS, as plain data: the input of the apply use cases and of every
// export format, so "Trustbridge does it" and "I'll do it myself" produce the same resources.

/** Tag on every provider and role Trustbridge creates: which organization manages it. */
export const MANAGED_BY_TAG = 'trustbridge:org-id';

export interface ProviderSpec {
  orgId: string;
  accountId: string;
  arn: string;
  /** https://…/oidc/<orgId> */
  issuerUrl: string;
  audiences: readonly string[];
  thumbprints: readonly string[];
}

export interface RoleSpec {
  orgId: string;
  accountId: string;
  arn: string;
  roleName: string;
  /** "/" or "/a/b/". */
  path: string;
  description: string;
  maxSessionDuration: number;
  /** The trust policy as IAM JSON text. */
  trustPolicy: string;
  managedPolicyArns: readonly string[];
}

export const managedByTags = (orgId: string) => [{ Key: MANAGED_BY_TAG, Value: orgId }];
