// What an outsider tries against org A's objects. `{org}` is the organization in the path: A's own
// (the outsider is no member: the guard answers) or the outsider's B (the guard lets B's owner in:
// only the data layer's org scoping stands between them and A's object). Every other placeholder
// is one of A's objects, except `{envB}`, an environment of B. Bodies are valid and carry A's
// current versions, so nothing but tenancy can refuse them.
import { unique } from '../../support/fixtures';
import { policyDocument, type OrgObjects } from './world';

export interface Attempt {
  object: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  template: string;
  body?: (v: Versions, a: OrgObjects) => unknown;
  /** Only meaningful with A's org in the path (the object is the organization itself). */
  viaAOnly?: boolean;
  /** Only meaningful with B's org in the path (mixes B's objects in). */
  viaBOnly?: boolean;
}

export interface Versions {
  org: number;
  issuer: number;
  project: number;
  env: number;
  member: number;
  policy: number;
}

type Body = NonNullable<Attempt['body']>;
const orgLevel = (method: Attempt['method'], template: string, body?: Body): Attempt => ({ object: 'organization', method, template, ...(body ? { body } : {}), viaAOnly: true });

export const ATTEMPTS: readonly Attempt[] = [
  orgLevel('GET', '/orgs/{org}'),
  orgLevel('PATCH', '/orgs/{org}', (v) => ({ name: 'hijacked', version: v.org })),
  ...['members', 'invitations', 'projects', 'environments', 'audit', 'audit/export', 'issuer', 'issuer/keys', 'trust-policies', 'trust-policies/context'].map((p) => orgLevel('GET', `/orgs/{org}/${p}`)),
  orgLevel('PATCH', '/orgs/{org}/issuer', (v) => ({ tokenLifetimeSeconds: 120, version: v.issuer })),
  orgLevel('POST', '/orgs/{org}/projects', () => ({ name: 'planted', slug: unique('planted') })),
  orgLevel('POST', '/orgs/{org}/members', () => ({ email: `${unique('planted')}@example.com`, role: 'owner' })),
  orgLevel('POST', '/orgs/{org}/trust-policies', (_v, a) => ({ name: unique('planted'), policy: policyDocument(a.org) })),
  orgLevel('POST', '/orgs/{org}/issuer/keys/rotate', () => ({ leadHours: 0 })),
  orgLevel('POST', '/orgs/{org}/issuer/subject-preview', () => ({ subjectTemplate: ['org', 'environment_id'] })),

  { object: 'project', method: 'GET', template: '/orgs/{org}/projects/{project}' },
  { object: 'project', method: 'PATCH', template: '/orgs/{org}/projects/{project}', body: (v) => ({ name: 'hijacked', version: v.project }) },
  { object: 'project', method: 'DELETE', template: '/orgs/{org}/projects/{project}' },

  { object: 'environment', method: 'GET', template: '/orgs/{org}/environments/{env}' },
  { object: 'environment', method: 'PATCH', template: '/orgs/{org}/environments/{env}', body: (v) => ({ name: 'hijacked', stage: 'production', version: v.env }) },
  { object: 'environment', method: 'DELETE', template: '/orgs/{org}/environments/{env}' },
  { object: 'environment', method: 'GET', template: '/orgs/{org}/environments/{env}/claims' },
  { object: 'environment', method: 'POST', template: '/orgs/{org}/environments', body: (_v, a) => ({ projectId: a.project, name: 'planted', slug: unique('planted'), stage: 'production' }) },

  { object: 'environment token', method: 'GET', template: '/orgs/{org}/environments/{env}/tokens' },
  { object: 'environment token', method: 'POST', template: '/orgs/{org}/environments/{env}/tokens', body: () => ({ name: 'stolen' }) },
  { object: 'environment token', method: 'DELETE', template: '/orgs/{org}/environments/{env}/tokens/{token}' },
  { object: 'environment token', method: 'DELETE', template: '/orgs/{org}/environments/{envB}/tokens/{token}', viaBOnly: true },

  { object: 'member', method: 'PATCH', template: '/orgs/{org}/members/{member}', body: (v) => ({ role: 'owner', version: v.member }) },
  { object: 'member', method: 'DELETE', template: '/orgs/{org}/members/{member}' },

  { object: 'invitation', method: 'DELETE', template: '/orgs/{org}/invitations/{invitation}' },

  { object: 'trust policy', method: 'GET', template: '/orgs/{org}/trust-policies/{policy}' },
  { object: 'trust policy', method: 'PUT', template: '/orgs/{org}/trust-policies/{policy}', body: (v, a) => ({ name: 'hijacked', policy: policyDocument(a.org), version: v.policy }) },
  { object: 'trust policy', method: 'DELETE', template: '/orgs/{org}/trust-policies/{policy}' },

  { object: 'signing key', method: 'POST', template: '/orgs/{org}/issuer/keys/{kid}/revoke', body: () => ({ confirm: true }) },
];

/** `/api/v1` + the template with A's objects, `{org}` = `viaOrg` and `{envB}` = B's environment. */
export function pathOf(template: string, viaOrg: string, a: OrgObjects, b: OrgObjects): string {
  const values: Record<string, string> = { ...a, org: viaOrg, envB: b.env };
  return `/api/v1${template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`unknown placeholder {${name}}`);
    return value;
  })}`;
}
