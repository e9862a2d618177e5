// Matrix rows for the routes outside any organization: public ones (health, setup, sign-in and
// sign-out, invitation links, the /api catch-all), the signed-in user's own ones, and the
// stateless tools. Every caller gets the status these routes really answer.
import { expect } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../../support/server';
import { expectStatus, PASSWORD, unique } from '../../support/fixtures';
import { EVERYONE, SIGNED_IN, type Entry } from './entry';
import { fresh, GOOD_POLICY, signInAgain } from './world';

const NO_SUCH_ENDPOINT = '/api/v1/no-such-endpoint';
const catchAll = (withBody: boolean): Entry => ({ expect: EVERYONE(404), prepare: () => ({ path: NO_SUCH_ENDPOINT, ...(withBody ? { body: {} } : {}) }) });

export const PUBLIC_MATRIX: Record<string, Entry> = {
  'GET /api/health': { expect: EVERYONE(200), prepare: () => ({ path: '/api/health', after: (r) => expect(r.json).toEqual({ status: 'ok' }) }) },
  'GET /api/v1/setup': { expect: EVERYONE(200), prepare: () => ({ path: '/api/v1/setup', after: (r) => expect(r.json).toEqual({ needsSetup: false }) }) },
  // The instance has its first user: setup is closed to everyone, signed in or not.
  'POST /api/v1/setup': {
    expect: EVERYONE(409),
    codes: { 409: 'setup_not_available' },
    prepare: () => ({ path: '/api/v1/setup', body: { code: 'AAAA-BBBB-CCCC', name: 'X', email: `${unique('s')}@example.com`, password: 'a-long-password-123' } }),
  },
  // Everyone signs in with their own credentials (anonymous: the instance admin's). A session
  // presented at sign-in is ended and replaced (fixation).
  'POST /api/v1/auth/login': {
    expect: EVERYONE(200),
    prepare: (w, role) => {
      const client = w.clients[role];
      const old = client.cookie;
      const email = role === 'anonymous' ? ADMIN_EMAIL : w.emails[role];
      return {
        path: '/api/v1/auth/login',
        body: { email, password: role === 'anonymous' ? ADMIN_PASSWORD : PASSWORD },
        after: async (r) => {
          expect(String(r.headers['set-cookie'] ?? '')).toMatch(/tb_session=[^;]+/);
          if (role === 'anonymous') return;
          expect((await client.get('/api/v1/me', { cookie: old })).status).toBe(401);
          client.absorbCookies(r);
          expect(expectStatus(await client.get('/api/v1/me'), 200).json.user.id).toBe(w.userIds[role]);
        },
      };
    },
  },
  'POST /api/v1/auth/logout': {
    expect: EVERYONE(204),
    prepare: (w, role) => ({
      path: '/api/v1/auth/logout',
      after: async () => {
        if (role === 'anonymous') return;
        expect((await w.clients[role].get('/api/v1/me')).status).toBe(401);
        await signInAgain(w, role);
      },
    }),
  },
  'GET /api/v1/me': {
    expect: SIGNED_IN(200),
    prepare: (w, role) => ({
      path: '/api/v1/me',
      after: (r, done) => {
        if (done && role !== 'anonymous') expect(r.json.user.id).toBe(w.userIds[role]);
      },
    }),
  },
  'GET /api/v1/orgs': {
    expect: SIGNED_IN(200),
    prepare: (w, role) => ({
      path: '/api/v1/orgs',
      after: (r, done) => {
        if (done) expect((r.json.items as { id: string }[]).some((o) => o.id === w.orgId)).toBe(role !== 'outsider');
      },
    }),
  },
  'POST /api/v1/orgs': {
    expect: SIGNED_IN(201),
    prepare: () => ({
      path: '/api/v1/orgs',
      body: { name: 'New org', slug: unique('org') },
      after: (r, done) => {
        if (done) expect(r.json.role).toBe('owner');
      },
    }),
  },

  // Invitation links: whoever holds the link may look at it and accept it (it names its own org).
  'POST /api/v1/invitations/preview': {
    expect: EVERYONE(200),
    prepare: async (w) => {
      const link = await fresh.invitation(w);
      return { path: '/api/v1/invitations/preview', body: { token: link.token }, after: (r) => expect(r.json.email).toBe(link.email) };
    },
  },
  'POST /api/v1/invitations/accept': {
    expect: EVERYONE(201),
    prepare: async (w, role) => {
      const link = await fresh.invitation(w);
      return {
        path: '/api/v1/invitations/accept',
        body: { token: link.token, name: 'New person', password: PASSWORD },
        after: async (r) => {
          expect(r.json.orgId).toBe(w.orgId);
          // Accepting answers with the new account's session; the caller's own session is untouched.
          if (role !== 'anonymous') expect(expectStatus(await w.clients[role].get('/api/v1/me'), 200).json.user.id).toBe(w.userIds[role]);
        },
      };
    },
  },

  'POST /api/v1/trust-policy/evaluate': {
    expect: SIGNED_IN(200),
    prepare: (w) => ({
      path: '/api/v1/trust-policy/evaluate',
      body: { policy: GOOD_POLICY(w.orgId, w.issuer), request: { principal: 'arn:aws:iam::111122223333:oidc-provider/x', action: 'sts:AssumeRoleWithWebIdentity', context: {} } },
      after: (r, done) => {
        if (done) expect(r.json.decision).toBe('ImplicitDeny');
      },
    }),
  },
  'POST /api/v1/trust-policy/lint': {
    expect: SIGNED_IN(200),
    prepare: (w) => ({
      path: '/api/v1/trust-policy/lint',
      body: { policy: GOOD_POLICY(w.orgId, w.issuer) },
      after: (r, done) => {
        if (done) expect(Array.isArray(r.json.findings)).toBe(true);
      },
    }),
  },
  // The workload endpoint: a browser session is not a credential here (see the variants).
  'POST /api/v1/idp/token': { expect: EVERYONE(401), prepare: () => ({ path: '/api/v1/idp/token' }) },

  'GET /api/[...path]': catchAll(false),
  'POST /api/[...path]': catchAll(true),
  'PUT /api/[...path]': catchAll(true),
  'PATCH /api/[...path]': catchAll(true),
  'DELETE /api/[...path]': catchAll(false),
};
