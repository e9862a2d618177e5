// IAM ARNs (IAM User Guide, "IAM identifiers"): arn:<partition>:iam::<account>:<type>/<path><name>.
// Roles: arn:aws:iam::123456789012:role/path/name; OIDC providers:
// arn:aws:iam::123456789012:oidc-provider/<issuer host and path>; managed policies:
// arn:aws:iam::aws:policy/<path><name> (AWS managed) or arn:aws:iam::<account>:policy/<path><name>.
import { ACCOUNT_ID_PATTERN, ROLE_NAME_PATTERN } from './limits';

const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'] as const;
export type Partition = (typeof PARTITIONS)[number];

export interface RoleArnParts {
  partition: Partition;
  accountId: string;
  /** "/" or "/a/b/". */
  path: string;
  name: string;
}

type ArnProblem = { ok: false; message: string };

export const isPartition = (value: string): value is Partition => (PARTITIONS as readonly string[]).includes(value);

/** Parses an IAM role ARN; the message says what is wrong (user ARNs, short account ids, …). */
export function parseRoleArn(arn: string): ({ ok: true } & RoleArnParts) | ArnProblem {
  const parts = arn.split(':');
  if (parts.length !== 6 || parts[0] !== 'arn') return { ok: false, message: 'A role ARN looks like arn:aws:iam::123456789012:role/name.' };
  const [, partition = '', service, region, accountId = '', resource = ''] = parts;
  if (!isPartition(partition)) return { ok: false, message: `Unknown partition "${partition}": use aws, aws-cn or aws-us-gov.` };
  if (service !== 'iam') return { ok: false, message: `This is an ARN of the ${service || 'unknown'} service, not an IAM role.` };
  if (region !== '') return { ok: false, message: 'IAM ARNs have no region: arn:aws:iam::<account id>:role/<name>.' };
  if (!ACCOUNT_ID_PATTERN.test(accountId)) return { ok: false, message: `The account id must be 12 digits (got "${accountId}").` };
  if (!resource.startsWith('role/')) {
    const kind = resource.split('/')[0] || 'something else';
    return { ok: false, message: `This ARN names a ${kind}, not a role: the resource must start with role/.` };
  }
  const rest = resource.slice('role/'.length);
  const slash = rest.lastIndexOf('/');
  const name = rest.slice(slash + 1);
  const path = slash < 0 ? '/' : `/${rest.slice(0, slash + 1)}`;
  if (!ROLE_NAME_PATTERN.test(name)) return { ok: false, message: 'The role name must be 1–64 characters of letters, digits and +=,.@_-.' };
  if (path !== '/' && !/^\/[\u0021-\u007F]+\/$/.test(path)) return { ok: false, message: 'The role path must be printable ASCII between slashes.' };
  if (path.includes('//')) return { ok: false, message: 'The role path must not contain an empty segment (//).' };
  return { ok: true, partition, accountId, path, name };
}

export function roleArn(parts: RoleArnParts): string {
  return `arn:${parts.partition}:iam::${parts.accountId}:role${parts.path}${parts.name}`;
}

/** The provider's ARN names the issuer without its scheme (and without a trailing slash). */
export function providerArn(partition: Partition, accountId: string, issuerUrl: string): string {
  return `arn:${partition}:iam::${accountId}:oidc-provider/${issuerUrl.replace(/^https?:\/\//i, '').replace(/\/+$/, '')}`;
}

/** Managed policy ARN: arn:<partition>:iam::(aws|<12 digits>):policy/<path><name>. */
export function isManagedPolicyArn(arn: string): boolean {
  return /^arn:(aws|aws-cn|aws-us-gov):iam::(aws|\d{12}):policy\/([\u0021-\u007F]+\/)?[\w+=,.@-]{1,128}$/.test(arn) && !arn.includes('//');
}
