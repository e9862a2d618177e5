// Matrix rows for the aws routes (see matrix-org.ts for the shape of a row). Members read; owners
// and admins act (aws.read / aws.manage). Actions that reach AWS use the run's emulator (account
// 123456789012) with pasted credentials; each row checks its effect — or that a refusal left the
// record as it was.
import { randomInt } from 'node:crypto';
import { expect } from 'vitest';
import { pastedCredentials } from '../../support/aws';
import { expectStatus, unique } from '../../support/fixtures';
import { MOTO_ACCOUNT_ID } from '../../support/moto';
import { creates, deletes, MANAGE, READ, versioned, type Call, type Entry } from './entry';
import { orgPath, ownerGet, type World } from './world';

const creds = pastedCredentials('authz');
const aws = (w: World) => `${orgPath(w)}/aws`;
const randomAccount = () => String(randomInt(100_000, 999_999)) + String(randomInt(100_000, 999_999));

async function freshProvider(w: World): Promise<string> {
  return String(expectStatus(await w.clients.owner.post(`${aws(w)}/providers`, { accountId: randomAccount() }), 201).json.id);
}

/** The org's one provider record in the emulator's account, applied (one per account and org). */
async function emulatorProvider(w: World): Promise<string> {
  const items = expectStatus(await ownerGet(w, `${aws(w)}/providers?accountId=${MOTO_ACCOUNT_ID}`), 200).json.items as { id: string }[];
  const id = items[0]?.id ?? String(expectStatus(await w.clients.owner.post(`${aws(w)}/providers`, { accountId: MOTO_ACCOUNT_ID }), 201).json.id);
  expectStatus(await w.clients.owner.post(`${aws(w)}/providers/${id}/apply`, { awsCredentials: creds }), 200);
  return id;
}

async function freshRole(w: World, options: { applied?: boolean } = {}): Promise<string> {
  const body = { accountId: MOTO_ACCOUNT_ID, roleName: unique('authz'), trustPolicy: { preset: 'this-organization' }, ...(options.applied ? { apply: true, awsCredentials: creds } : {}) };
  return String(expectStatus(await w.clients.owner.post(`${aws(w)}/roles`, body), 201).json.id);
}

/** POST {record}{suffix}: permitted → `field` of the record changed; refused → the record is exactly as it was. */
async function acts(w: World, record: string, suffix: string, body: unknown, field: (record: Record<string, unknown>) => unknown): Promise<Call> {
  const before = expectStatus(await ownerGet(w, record), 200).json as Record<string, unknown>;
  return {
    path: `${record}${suffix}`,
    body,
    after: async (_r, done) => {
      const now = expectStatus(await ownerGet(w, record), 200).json as Record<string, unknown>;
      if (done) expect(field(now)).not.toEqual(field(before));
      else expect(now).toEqual(before);
    },
  };
}
const lastApplyAt = (r: Record<string, unknown>) => (r.lastApply as { at?: string } | null)?.at ?? null;
const lastVerifiedAt = (r: Record<string, unknown>) => (r.lastVerification as { at?: string } | null)?.at ?? null;

export const AWS_MATRIX: Record<string, Entry> = {
  'GET /api/v1/orgs/[orgId]/aws/providers': { expect: READ, prepare: (w) => ({ path: `${aws(w)}/providers` }) },
  'POST /api/v1/orgs/[orgId]/aws/providers': {
    expect: MANAGE(201),
    prepare: (w) => {
      const accountId = randomAccount();
      return { path: `${aws(w)}/providers`, body: { accountId }, after: creates(w, `${aws(w)}/providers`, (item) => item.accountId === accountId) };
    },
  },
  'GET /api/v1/orgs/[orgId]/aws/providers/[providerId]': { expect: READ, prepare: async (w) => ({ path: `${aws(w)}/providers/${await freshProvider(w)}` }) },
  'PATCH /api/v1/orgs/[orgId]/aws/providers/[providerId]': {
    expect: MANAGE(200),
    prepare: async (w) => versioned(w, `${aws(w)}/providers/${await freshProvider(w)}`, (version) => ({ version, audiences: ['sts.amazonaws.com', unique('aud')] })),
  },
  'DELETE /api/v1/orgs/[orgId]/aws/providers/[providerId]': { expect: MANAGE(204), prepare: async (w) => deletes(w, `${aws(w)}/providers/${await freshProvider(w)}`) },
  'POST /api/v1/orgs/[orgId]/aws/providers/[providerId]/apply': {
    expect: MANAGE(200),
    prepare: async (w) => acts(w, `${aws(w)}/providers/${await emulatorProvider(w)}`, '/apply', { awsCredentials: creds }, lastApplyAt),
  },
  'POST /api/v1/orgs/[orgId]/aws/providers/[providerId]/verify': {
    expect: MANAGE(200),
    prepare: async (w) => acts(w, `${aws(w)}/providers/${await emulatorProvider(w)}`, '/verify', { awsCredentials: creds }, lastVerifiedAt),
  },
  'POST /api/v1/orgs/[orgId]/aws/providers/[providerId]/adopt': {
    expect: MANAGE(200),
    prepare: async (w) => {
      const path = `${aws(w)}/providers/${await emulatorProvider(w)}`;
      const version = Number(expectStatus(await ownerGet(w, path), 200).json.version);
      return acts(w, path, '/adopt', { version, awsCredentials: creds }, (r) => r.version);
    },
  },
  'POST /api/v1/orgs/[orgId]/aws/providers/[providerId]/delete-in-aws': {
    expect: MANAGE(200),
    prepare: async (w) => acts(w, `${aws(w)}/providers/${await emulatorProvider(w)}`, '/delete-in-aws', { confirm: true, awsCredentials: creds }, lastApplyAt),
  },
  'GET /api/v1/orgs/[orgId]/aws/providers/[providerId]/export': { expect: READ, prepare: async (w) => ({ path: `${aws(w)}/providers/${await freshProvider(w)}/export?format=terraform` }) },

  'GET /api/v1/orgs/[orgId]/aws/roles': { expect: READ, prepare: (w) => ({ path: `${aws(w)}/roles` }) },
  'POST /api/v1/orgs/[orgId]/aws/roles': {
    expect: MANAGE(201),
    prepare: (w) => {
      const roleName = unique('authz');
      return { path: `${aws(w)}/roles`, body: { accountId: MOTO_ACCOUNT_ID, roleName, trustPolicy: { preset: 'this-organization' } }, after: creates(w, `${aws(w)}/roles`, (item) => item.roleName === roleName) };
    },
  },
  'GET /api/v1/orgs/[orgId]/aws/roles/[roleId]': { expect: READ, prepare: async (w) => ({ path: `${aws(w)}/roles/${await freshRole(w)}` }) },
  'PATCH /api/v1/orgs/[orgId]/aws/roles/[roleId]': {
    expect: MANAGE(200),
    prepare: async (w) => versioned(w, `${aws(w)}/roles/${await freshRole(w)}`, (version) => ({ version, description: unique('described') })),
  },
  'DELETE /api/v1/orgs/[orgId]/aws/roles/[roleId]': { expect: MANAGE(204), prepare: async (w) => deletes(w, `${aws(w)}/roles/${await freshRole(w)}`) },
  'POST /api/v1/orgs/[orgId]/aws/roles/[roleId]/apply': {
    expect: MANAGE(200),
    prepare: async (w) => acts(w, `${aws(w)}/roles/${await freshRole(w)}`, '/apply', { awsCredentials: creds }, lastApplyAt),
  },
  'POST /api/v1/orgs/[orgId]/aws/roles/[roleId]/verify': {
    expect: MANAGE(200),
    prepare: async (w) => acts(w, `${aws(w)}/roles/${await freshRole(w, { applied: true })}`, '/verify', { awsCredentials: creds }, lastVerifiedAt),
  },
  'POST /api/v1/orgs/[orgId]/aws/roles/[roleId]/adopt': {
    expect: MANAGE(200),
    prepare: async (w) => {
      const path = `${aws(w)}/roles/${await freshRole(w, { applied: true })}`;
      const version = Number(expectStatus(await ownerGet(w, path), 200).json.version);
      return acts(w, path, '/adopt', { version, awsCredentials: creds }, (r) => r.version);
    },
  },
  'POST /api/v1/orgs/[orgId]/aws/roles/[roleId]/delete-in-aws': {
    expect: MANAGE(200),
    prepare: async (w) => acts(w, `${aws(w)}/roles/${await freshRole(w, { applied: true })}`, '/delete-in-aws', { confirm: true, awsCredentials: creds }, lastApplyAt),
  },
  'GET /api/v1/orgs/[orgId]/aws/roles/[roleId]/export': { expect: READ, prepare: async (w) => ({ path: `${aws(w)}/roles/${await freshRole(w)}/export?format=cli` }) },

  'GET /api/v1/orgs/[orgId]/aws/trust-chain': { expect: READ, prepare: (w) => ({ path: `${aws(w)}/trust-chain` }) },
};
