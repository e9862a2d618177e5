// The one permission table (STYLE habit 1): what each organization role may do. Route handlers ask
// for a permission, never for a role. Pure, so the UI uses the same table to hide what a role
// cannot do (the server still enforces it).

export type Role = 'owner' | 'admin' | 'member';

const ALL: readonly Role[] = ['owner', 'admin', 'member'];
const ADMINS: readonly Role[] = ['owner', 'admin'];

export const PERMISSIONS = {
  'organization.read': ALL,
  'organization.update': ADMINS,
  'member.read': ALL,
  'member.manage': ADMINS,
  'project.read': ALL,
  'project.manage': ADMINS,
  'environment.read': ALL,
  'environment.manage': ADMINS,
  'token.read': ALL,
  'token.manage': ADMINS,
  'audit.read': ADMINS,
  'issuer.read': ALL,
  'issuer.manage': ADMINS,
  'trust_policy.read': ALL,
  'trust_policy.manage': ADMINS,
  // AWS setup wizard (providers and roles): read the records, or change them and act in AWS.
  'aws.read': ALL,
  'aws.manage': ADMINS,
  // Deployment credentials and environment overrides; Test connection mints a token: admins.
  'credential.read': ALL,
  'credential.manage': ADMINS,
  'credential.test': ADMINS,
  // Claim inspector: decode/check/evaluate for everyone; a signed token from the dashboard: admins.
  'token.inspect': ALL,
  'id_token.mint': ADMINS,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Which roles `actorRole` may hand out or take away. Only owners manage owners. */
export function canAssignRole(actorRole: Role, targetRole: Role): boolean {
  if (actorRole === 'owner') return true;
  if (actorRole === 'admin') return targetRole !== 'owner';
  return false;
}
