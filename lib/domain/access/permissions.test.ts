import { describe, expect, it } from 'vitest';
import { can, canAssignRole, PERMISSIONS, type Permission, type Role } from './permissions';

// The whole table, written out: a change to who may do what must change this test too.
const EXPECTED: Record<Permission, Record<Role, boolean>> = {
  'organization.read': { owner: true, admin: true, member: true },
  'organization.update': { owner: true, admin: true, member: false },
  'member.read': { owner: true, admin: true, member: true },
  'member.manage': { owner: true, admin: true, member: false },
  'project.read': { owner: true, admin: true, member: true },
  'project.manage': { owner: true, admin: true, member: false },
  'environment.read': { owner: true, admin: true, member: true },
  'environment.manage': { owner: true, admin: true, member: false },
  'token.read': { owner: true, admin: true, member: true },
  'token.manage': { owner: true, admin: true, member: false },
  'audit.read': { owner: true, admin: true, member: false },
  'issuer.read': { owner: true, admin: true, member: true },
  'issuer.manage': { owner: true, admin: true, member: false },
  'trust_policy.read': { owner: true, admin: true, member: true },
  'trust_policy.manage': { owner: true, admin: true, member: false },
  'aws.read': { owner: true, admin: true, member: true },
  'aws.manage': { owner: true, admin: true, member: false },
  'credential.read': { owner: true, admin: true, member: true },
  'credential.manage': { owner: true, admin: true, member: false },
  'credential.test': { owner: true, admin: true, member: false },
  'token.inspect': { owner: true, admin: true, member: true },
  'id_token.mint': { owner: true, admin: true, member: false },
};
const ROLES: Role[] = ['owner', 'admin', 'member'];

describe('PERMISSIONS', () => {
  it('has exactly the permissions of the table', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const rows = (Object.keys(EXPECTED) as Permission[]).flatMap((permission) => ROLES.map((role) => [permission, role, EXPECTED[permission][role]] as const));
  it.each(rows)('%s for %s → %s', (permission, role, allowed) => {
    expect(can(role, permission)).toBe(allowed);
  });

  it('a member may read everything but manage nothing', () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      if (permission.endsWith('.manage') || permission.endsWith('.update')) expect(can('member', permission)).toBe(false);
    }
  });

  it('an unknown role gets nothing', () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) expect(can('guest' as Role, permission)).toBe(false);
  });
});

describe('canAssignRole', () => {
  it.each([
    ['owner', 'owner', true],
    ['owner', 'admin', true],
    ['owner', 'member', true],
    ['admin', 'owner', false],
    ['admin', 'admin', true],
    ['admin', 'member', true],
    ['member', 'owner', false],
    ['member', 'admin', false],
    ['member', 'member', false],
  ] as const)('%s may assign %s → %s', (actor, target, allowed) => {
    expect(canAssignRole(actor, target)).toBe(allowed);
  });
});
