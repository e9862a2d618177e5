import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEnvironment, createProject, expectStatus, ownerWithOrg, unique } from '../support/fixtures';
import { TestClient, type HttpResult } from '../support/http-client';
import { startIsolatedServer, type IsolatedServer } from '../support/isolated-server';
import { policyDocument } from '../support/org-objects';

// Text is stored exactly as accepted, and cannot spoof (lib/domain/text/display-text.ts). For every
// name and description field: what a 2xx acknowledged is what every later read (GET, list)
// returns, byte for byte — with input that NFC changes and astral-plane characters — and text
// that is not well-formed or hides control, text-direction or invisible characters is refused
// with 400 invalid_request naming the field, changing nothing. Runs on both databases.

const server = inject('server');

/** Input → what every read must return (written out here, not computed by the code under test). */
const GOOD: [string, string][] = [
  ['Cafe\u0301 Zu\u0308rich', 'Caf\u00e9 Z\u00fcrich'],
  ['🚀 Launch 𠮷野家', '🚀 Launch 𠮷野家'],
  ['  שלום – Prod 👩\u200d💻  ', 'שלום – Prod 👩\u200d💻'],
  ['\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} ❤\ufe0f می\u200cخواهم', '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} ❤\ufe0f می\u200cخواهم'],
];

const BAD = ['lone \ud800', 'low \udc00 first', 'evil\u202etxt.exe', 'iso\u2066late', 'mark\u200f', 'zero\u200bwidth', '\ufeffbom', 'nul\u0000', 'c1\u0085x', 'line\u2028break', 'filler \u3164'];

/** Byte for byte: the UTF-8 of both strings is identical (a U+FFFD standing in for a lone surrogate is not). */
function expectSameBytes(read: unknown, expected: string, where: string): void {
  expect([where, typeof read === 'string' ? Buffer.from(read, 'utf8').toString('hex') : read]).toEqual([where, Buffer.from(expected, 'utf8').toString('hex')]);
}

function expectRefused(r: HttpResult, field: string, what: string): void {
  expect([what, r.status, r.json?.error?.code]).toEqual([what, 400, 'invalid_request']);
  expect((r.json.error.issues as { path: string }[]).map((i) => i.path)).toEqual([field]);
}

interface Field {
  name: string;
  /** The body key (issues[].path of a refusal). */
  key: 'name' | 'description';
  /** Writes the value (creating or updating); returns the response. */
  write: (value: string) => Promise<HttpResult>;
  /** Every later read of the field after a write answered `r`. */
  reads: (r: HttpResult) => Promise<[string, unknown][]>;
}

let owner: TestClient;
let orgId: string;
let projectId: string;
let envId: string;

beforeAll(async () => {
  const made = await ownerWithOrg(server);
  owner = made.owner.client;
  orgId = made.org.id;
  projectId = (await createProject(owner, orgId)).id;
  envId = (await createEnvironment(owner, orgId, projectId)).id;
}, 60_000);

const get = async (path: string) => expectStatus(await owner.get(path), 200).json;
const itemOf = (items: { id?: string; userId?: string }[], id: string) => items.find((i) => (i.id ?? i.userId) === id) as Record<string, unknown> | undefined;
const org = () => `/api/v1/orgs/${orgId}`;

const version = async (path: string) => Number((await get(path)).version);

const FIELDS: Field[] = [
  {
    name: 'organization name (create)',
    key: 'name',
    write: (name) => owner.post('/api/v1/orgs', { name, slug: unique('rt') }),
    reads: async (r) => [
      ['GET', (await get(`/api/v1/orgs/${r.json.id}`)).name],
      ['list', itemOf((await get('/api/v1/orgs?limit=200')).items, r.json.id)?.name],
      ['me', (await get('/api/v1/me')).organizations.find((o: { id: string }) => o.id === r.json.id)?.name],
    ],
  },
  {
    name: 'organization name (rename)',
    key: 'name',
    write: async (name) => owner.patch(org(), { name, version: await version(org()) }),
    reads: async () => [
      ['GET', (await get(org())).name],
      ['list', itemOf((await get('/api/v1/orgs?limit=200')).items, orgId)?.name],
    ],
  },
  {
    name: 'project name (create and rename)',
    key: 'name',
    write: async (name) => {
      const created = await owner.post(`${org()}/projects`, { name, slug: unique('p') });
      if (created.status !== 201) return created;
      const path = `${org()}/projects/${created.json.id}`;
      return owner.patch(path, { name: `${name} `, version: await version(path) });
    },
    reads: async (r) => [
      ['GET', (await get(`${org()}/projects/${r.json.id}`)).name],
      ['list', itemOf((await get(`${org()}/projects?limit=200`)).items, r.json.id)?.name],
    ],
  },
  {
    name: 'environment name (create and rename)',
    key: 'name',
    write: async (name) => {
      const created = await owner.post(`${org()}/environments`, { projectId, name, slug: unique('e'), stage: 'staging' });
      if (created.status !== 201) return created;
      const path = `${org()}/environments/${created.json.id}`;
      return owner.patch(path, { name: ` ${name}`, stage: 'production', version: await version(path) });
    },
    reads: async (r) => [
      ['GET', (await get(`${org()}/environments/${r.json.id}`)).name],
      ['list', itemOf((await get(`${org()}/environments?limit=200`)).items, r.json.id)?.name],
    ],
  },
  {
    name: 'environment token name',
    key: 'name',
    write: (name) => owner.post(`${org()}/environments/${envId}/tokens`, { name }),
    reads: async (r) => [['list', itemOf((await get(`${org()}/environments/${envId}/tokens?limit=200`)).items, r.json.id)?.name]],
  },
  ...(['name', 'description'] as const).map(
    (key): Field => ({
      name: `trust policy ${key} (create and replace)`,
      key,
      write: async (value) => {
        const body = (v: string) => ({ name: key === 'name' ? v : unique('tp'), description: key === 'description' ? v : '', policy: policyDocument(orgId) });
        const created = await owner.post(`${org()}/trust-policies`, body(value));
        if (created.status !== 201) return created;
        const path = `${org()}/trust-policies/${created.json.id}`;
        return owner.put(path, { ...body(value), name: key === 'name' ? value : created.json.name, version: await version(path) });
      },
      reads: async (r) => [
        ['GET', (await get(`${org()}/trust-policies/${r.json.id}`))[key]],
        ['list', itemOf((await get(`${org()}/trust-policies?limit=200`)).items, r.json.id)?.[key]],
      ],
    }),
  ),
];

describe('every name and description field: a 2xx acknowledged value is what every read returns, byte for byte', () => {
  for (const field of FIELDS) {
    it(field.name, async () => {
      // (Trust-policy names are unique per organization; the values differ and the org is fresh.)
      for (const [input, expected] of GOOD) {
        const r = await field.write(input);
        expect([field.name, input, r.status < 300]).toEqual([field.name, input, true]);
        expectSameBytes(r.json[field.key], expected, `${field.name}: acknowledged ${JSON.stringify(input)}`);
        for (const [where, read] of await field.reads(r)) expectSameBytes(read, expected, `${field.name}: ${where} of ${JSON.stringify(input)}`);
      }
    });
  }
});

describe('text that is not well-formed or hides characters → 400 invalid_request naming the field, nothing stored', () => {
  for (const field of FIELDS) {
    it(field.name, async () => {
      for (const bad of BAD) expectRefused(await field.write(bad), field.key, `${field.name}: ${JSON.stringify(bad)}`);
    });
  }

  it('a refused rename leaves the stored name as it was', async () => {
    const before = (await get(org())).name;
    expectRefused(await owner.patch(org(), { name: 'x\ud800', version: await version(org()) }), 'name', 'rename');
    expectSameBytes((await get(org())).name, before, 'after a refused rename');
  });

  it('a body whose bytes are not UTF-8 is refused (400 invalid_json), not stored with U+FFFD in place of the bytes', async () => {
    const bytes = Buffer.concat([Buffer.from('{"name":"bad '), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(`","slug":"${unique('u')}"}`)]);
    const r = await owner.request('POST', '/api/v1/orgs', { rawBody: bytes });
    expect([r.status, r.json?.error?.code]).toEqual([400, 'invalid_json']);
  });
});

describe('names people give themselves (invitation, first-run setup)', () => {
  let fresh: IsolatedServer;
  beforeAll(async () => {
    fresh = await startIsolatedServer({ admin: false, publicUrl: 'http://localhost:1234' });
  }, 90_000);
  afterAll(() => fresh?.stop());

  it('first-run setup: refused names name the field; the accepted one is what /me returns', async () => {
    const code = /\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\b/.exec(fresh.output())?.[1] ?? '';
    const client = new TestClient(fresh.url, fresh.publicUrl);
    const body = (name: string) => ({ code, name, email: 'first@example.com', password: 'first-run-password-4711' });
    for (const bad of BAD.slice(0, 6)) expectRefused(await client.post('/api/v1/setup', body(bad)), 'name', `setup ${JSON.stringify(bad)}`);
    const [input, expected] = GOOD[0] ?? ['', ''];
    const done = expectStatus(await client.post('/api/v1/setup', body(input)), 201);
    client.absorbCookies(done);
    expectSameBytes(expectStatus(await client.get('/api/v1/me'), 200).json.user.name, expected, 'setup name via /me');
  });

  it('accepting an invitation: refused names name the field; the accepted one is what /me and the member list return', async () => {
    const [input, expected] = GOOD[2] ?? ['', ''];
    const invite = async () => {
      const r = expectStatus(await owner.post(`${org()}/members`, { email: `${unique('rt')}@example.com`, role: 'member' }), 201).json;
      return String(r.inviteUrl).split('#')[1] ?? '';
    };
    const token = await invite();
    const client = new TestClient(server.url, server.publicUrl);
    for (const bad of BAD.slice(0, 6)) expectRefused(await client.post('/api/v1/invitations/accept', { token, name: bad, password: 'invited-password-4711' }), 'name', `accept ${JSON.stringify(bad)}`);
    const accepted = expectStatus(await client.post('/api/v1/invitations/accept', { token, name: input, password: 'invited-password-4711' }), 201);
    client.absorbCookies(accepted);
    const me = expectStatus(await client.get('/api/v1/me'), 200).json.user;
    expectSameBytes(me.name, expected, 'member name via /me');
    expectSameBytes(itemOf((await get(`${org()}/members?limit=200`)).items, me.id)?.name, expected, 'member name in the member list');
  });
});
