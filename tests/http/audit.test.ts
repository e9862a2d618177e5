import { createHash, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createOrg, expectStatus, PASSWORD, signedInAdmin, unique, userWithRole } from '../support/fixtures';
import { TestClient, type HttpResult } from '../support/http-client';

// The audit log: one event per change with actor, target and before/after, never a secret,
// filters, cursor pagination, CSV/NDJSON exports and who may read it.
const server = inject('server');

interface AuditItem {
  id: string;
  action: string;
  actor: { type: string; id: string | null; label: string };
  target: { type: string; id: string | null; label: string | null };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  ipAddress: string | null;
  createdAt: string;
}

interface Expected {
  action: string;
  response: HttpResult;
  actor: { client: TestClient; id: string; email: string };
  target: { type: string; id: string; label?: string };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const inviteToken = (r: HttpResult) => String(r.json.inviteUrl).split('#')[1] ?? '';

/** RFC 4180 records; also reports whether every field was quoted. */
function parseCsv(text: string): { rows: string[][]; allQuoted: boolean } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let inQuotes = false;
  let allQuoted = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else field += c;
    } else if (c === '"') {
      inQuotes = true;
      quoted = true;
    } else if (c === ',' || c === '\n') {
      row.push(field);
      if (rows.length > 0 && !quoted) allQuoted = false;
      field = '';
      quoted = false;
      if (c === '\n') {
        rows.push(row);
        row = [];
      }
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return { rows, allQuoted };
}

describe('audit log', () => {
  let admin: TestClient;
  let adminId: string;
  let orgId: string;
  let outsider: TestClient;
  const expected: Expected[] = [];
  const secrets: string[] = [PASSWORD];
  const NEW_USER_PASSWORD = `new-user-password-${randomBytes(6).toString('hex')}`;

  async function all(query = '', client = admin): Promise<AuditItem[]> {
    const items: AuditItem[] = [];
    let cursor = '';
    for (;;) {
      const page = expectStatus(await client.get(`/api/v1/orgs/${orgId}/audit?limit=200${query}${cursor ? `&cursor=${cursor}` : ''}`), 200).json;
      items.push(...page.items);
      if (!page.nextCursor) return items;
      cursor = page.nextCursor;
    }
  }

  beforeAll(async () => {
    admin = await signedInAdmin(server);
    adminId = expectStatus(await admin.get('/api/v1/me'), 200).json.user.id;
    const me = { client: admin, id: adminId, email: 'admin@trustbridge.test' };
    secrets.push(admin.cookie?.split('=')[1] ?? 'missing-cookie');

    const slug = unique('audit');
    const orgRes = expectStatus(await admin.post('/api/v1/orgs', { name: 'Audit Org', slug }), 201);
    orgId = orgRes.json.id;
    expected.push({ action: 'organization.create', response: orgRes, actor: me, target: { type: 'organization', id: orgId, label: slug }, before: null, after: { id: orgId, slug, name: 'Audit Org', version: 1 } });
    const rename = expectStatus(await admin.patch(`/api/v1/orgs/${orgId}`, { name: 'Audit Org 2', version: 1 }), 200);
    expected.push({ action: 'organization.update', response: rename, actor: me, target: { type: 'organization', id: orgId, label: slug }, before: { name: 'Audit Org', version: 1 }, after: { name: 'Audit Org 2', version: 2 } });

    const projectRes = expectStatus(await admin.post(`/api/v1/orgs/${orgId}/projects`, { name: 'Web', slug: 'web' }), 201);
    const projectId = projectRes.json.id as string;
    expected.push({ action: 'project.create', response: projectRes, actor: me, target: { type: 'project', id: projectId, label: 'web' }, before: null, after: { id: projectId, slug: 'web', name: 'Web', version: 1 } });
    const projectRename = expectStatus(await admin.patch(`/api/v1/orgs/${orgId}/projects/${projectId}`, { name: 'Website', version: 1 }), 200);
    expected.push({ action: 'project.update', response: projectRename, actor: me, target: { type: 'project', id: projectId, label: 'web' }, before: { name: 'Web', version: 1 }, after: { name: 'Website', version: 2 } });

    const envRes = expectStatus(await admin.post(`/api/v1/orgs/${orgId}/environments`, { projectId, name: 'Prod', slug: 'prod', stage: 'development' }), 201);
    const envId = envRes.json.id as string;
    expected.push({ action: 'environment.create', response: envRes, actor: me, target: { type: 'environment', id: envId, label: 'web/prod' }, before: null, after: { id: envId, slug: 'prod', name: 'Prod', stage: 'development', projectId, version: 1 } });
    const envUpdate = expectStatus(await admin.patch(`/api/v1/orgs/${orgId}/environments/${envId}`, { name: 'Production', stage: 'production', version: 1 }), 200);
    expected.push({ action: 'environment.update', response: envUpdate, actor: me, target: { type: 'environment', id: envId, label: 'web/prod' }, before: { name: 'Prod', stage: 'development', version: 1 }, after: { name: 'Production', stage: 'production', version: 2 } });

    const tokenRes = expectStatus(await admin.post(`/api/v1/orgs/${orgId}/environments/${envId}/tokens`, { name: 'deploy' }), 201);
    const token = tokenRes.json as { id: string; token: string; prefix: string };
    secrets.push(token.token, sha256(token.token));
    expected.push({ action: 'environment_token.create', response: tokenRes, actor: me, target: { type: 'environment_token', id: token.id, label: 'web/prod: deploy' }, before: null, after: { id: token.id, name: 'deploy', prefix: token.prefix, revokedAt: null } });
    // Use it once, so its hash has been looked up and its use audited too.
    expectStatus(await new TestClient(server.url, server.publicUrl).post('/api/v1/idp/token', {}, { origin: null, headers: { Authorization: `Bearer ${token.token}` } }), 200);
    const revoke = expectStatus(await admin.delete(`/api/v1/orgs/${orgId}/environments/${envId}/tokens/${token.id}`), 204);
    expected.push({ action: 'environment_token.revoke', response: revoke, actor: me, target: { type: 'environment_token', id: token.id, label: 'web/prod: deploy' }, before: { revokedAt: null }, after: { revokedAt: expect.any(String) } });

    const envDelete = expectStatus(await admin.delete(`/api/v1/orgs/${orgId}/environments/${envId}`), 204);
    expected.push({ action: 'environment.delete', response: envDelete, actor: me, target: { type: 'environment', id: envId, label: 'web/prod' }, before: { id: envId, slug: 'prod', stage: 'production', version: 2 }, after: null });
    const projectDelete = expectStatus(await admin.delete(`/api/v1/orgs/${orgId}/projects/${projectId}`), 204);
    expected.push({ action: 'project.delete', response: projectDelete, actor: me, target: { type: 'project', id: projectId, label: 'web' }, before: { id: projectId, slug: 'web', name: 'Website', version: 2 }, after: null });

    // An existing account (made in another organization) is added at once.
    const side = await createOrg(admin);
    const member = await userWithRole(admin, server, side.id, 'member');
    const add = expectStatus(await admin.post(`/api/v1/orgs/${orgId}/members`, { email: member.email, role: 'member' }), 201);
    expected.push({ action: 'member.add', response: add, actor: me, target: { type: 'user', id: member.userId, label: member.email }, before: null, after: { email: member.email, role: 'member' } });
    const roleChange = expectStatus(await admin.patch(`/api/v1/orgs/${orgId}/members/${member.userId}`, { role: 'admin', version: 1 }), 200);
    expected.push({ action: 'member.role_change', response: roleChange, actor: me, target: { type: 'user', id: member.userId, label: member.email }, before: { role: 'member' }, after: { role: 'admin' } });
    const remove = expectStatus(await admin.delete(`/api/v1/orgs/${orgId}/members/${member.userId}`), 204);
    expected.push({ action: 'member.remove', response: remove, actor: me, target: { type: 'user', id: member.userId, label: member.email }, before: { email: member.email, role: 'admin' }, after: null });

    // Invitations: one revoked, one accepted; the new user then leaves.
    const revokedEmail = `${unique('revoked')}@example.com`;
    const invite1 = expectStatus(await admin.post(`/api/v1/orgs/${orgId}/members`, { email: revokedEmail, role: 'member' }), 201);
    secrets.push(inviteToken(invite1), sha256(inviteToken(invite1)));
    const invitation1 = invite1.json.invitation.id as string;
    expected.push({ action: 'member.invite', response: invite1, actor: me, target: { type: 'invitation', id: invitation1, label: revokedEmail }, before: null, after: { email: revokedEmail, role: 'member', expiresAt: invite1.json.invitation.expiresAt } });
    const inviteRevoke = expectStatus(await admin.delete(`/api/v1/orgs/${orgId}/invitations/${invitation1}`), 204);
    expected.push({ action: 'member.invite_revoke', response: inviteRevoke, actor: me, target: { type: 'invitation', id: invitation1, label: revokedEmail }, before: { email: revokedEmail, role: 'member' }, after: null });

    const newEmail = `${unique('new')}@example.com`;
    const invite2 = expectStatus(await admin.post(`/api/v1/orgs/${orgId}/members`, { email: newEmail, role: 'admin' }), 201);
    secrets.push(inviteToken(invite2), sha256(inviteToken(invite2)));
    const newUser = new TestClient(server.url, server.publicUrl);
    const accept = expectStatus(await newUser.post('/api/v1/invitations/accept', { token: inviteToken(invite2), name: 'New Person', password: NEW_USER_PASSWORD }), 201);
    newUser.absorbCookies(accept);
    secrets.push(NEW_USER_PASSWORD, newUser.cookie?.split('=')[1] ?? 'missing-cookie');
    const newUserId = expectStatus(await newUser.get('/api/v1/me'), 200).json.user.id as string;
    const them = { client: newUser, id: newUserId, email: newEmail };
    expected.push({ action: 'member.invite_accept', response: accept, actor: them, target: { type: 'user', id: newUserId, label: newEmail }, before: null, after: { email: newEmail, role: 'admin' } });
    const leave = expectStatus(await newUser.delete(`/api/v1/orgs/${orgId}/members/${newUserId}`), 204);
    expected.push({ action: 'member.leave', response: leave, actor: them, target: { type: 'user', id: newUserId, label: newEmail }, before: { email: newEmail, role: 'admin' }, after: null });

    outsider = (await userWithRole(admin, server, side.id, 'owner')).client;
  }, 90_000);

  it('covers every kind of change', () => {
    expect(expected.map((e) => e.action).sort()).toEqual(
      [
        'organization.create',
        'organization.update',
        'project.create',
        'project.update',
        'project.delete',
        'environment.create',
        'environment.update',
        'environment.delete',
        'environment_token.create',
        'environment_token.revoke',
        'member.add',
        'member.invite',
        'member.role_change',
        'member.remove',
        'member.leave',
        'member.invite_revoke',
        'member.invite_accept',
      ].sort(),
    );
  });

  it.each(Array.from({ length: 17 }, (_, i) => i))('change #%s wrote exactly one event with its actor, target, before/after, request id and address', async (index) => {
    const e = expected[index];
    if (!e) throw new Error(`no change #${index}`);
    // `action` filters by prefix (member.invite also matches member.invite_revoke).
    const events = (await all(`&action=${e.action}&targetId=${e.target.id}`)).filter((x) => x.action === e.action);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event?.actor).toEqual({ type: 'user', id: e.actor.id, label: e.actor.email });
    expect(event?.target).toEqual({ type: e.target.type, id: e.target.id, label: e.target.label ?? expect.any(String) });
    if (e.before === null) expect(event?.before).toBeNull();
    else expect(event?.before).toMatchObject(e.before);
    if (e.after === null) expect(event?.after).toBeNull();
    else expect(event?.after).toMatchObject(e.after);
    expect(event?.requestId).toBe(e.response.headers['x-request-id']);
    expect(event?.ipAddress).toBe(e.actor.client.forwardedFor);
    expect(Math.abs(Date.parse(event?.createdAt ?? '') - Date.parse(String(e.response.headers.date)))).toBeLessThan(5000);
  });

  it('no token, token hash, password, invitation token or session appears in any event or export', async () => {
    const events = await all();
    expect(events.length).toBeGreaterThan(17);
    const csv = expectStatus(await admin.get(`/api/v1/orgs/${orgId}/audit/export?format=csv`), 200).text;
    const ndjson = expectStatus(await admin.get(`/api/v1/orgs/${orgId}/audit/export?format=ndjson`), 200).text;
    for (const [where, text] of [
      ['API', JSON.stringify(events)],
      ['CSV', csv],
      ['NDJSON', ndjson],
    ] as const) {
      for (const secret of secrets) expect(text, `${where} contains a secret`).not.toContain(secret);
      expect(text).not.toMatch(/tbe_[A-Za-z0-9_-]{43}|tbi_[A-Za-z0-9_-]{43}|\$argon2|tokenHash|passwordHash/);
    }
  });

  it('paginates with cursors: every event exactly once, newest first, nextCursor null at the end', async () => {
    const everything = await all();
    for (const limit of [1, 3, 7]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = expectStatus(await admin.get(`/api/v1/orgs/${orgId}/audit?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`), 200).json as { items: AuditItem[]; nextCursor: string | null };
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(seen).toEqual(everything.map((e) => e.id));
      expect(pages).toBe(Math.max(1, Math.ceil(everything.length / limit)));
    }
    expect(everything.map((e) => e.id)).toEqual([...everything.map((e) => e.id)].sort().reverse());
  });

  describe('filters', () => {
    it('by action prefix', async () => {
      const everything = await all();
      for (const prefix of ['project.', 'member.invite', 'environment_token.', 'organization.update', 'nothing.']) {
        const filtered = await all(`&action=${prefix}`);
        expect(filtered.map((e) => e.id), prefix).toEqual(everything.filter((e) => e.action.startsWith(prefix)).map((e) => e.id));
      }
      expect((await all('&action=member.invite')).map((e) => e.action).sort()).toEqual(['member.invite', 'member.invite', 'member.invite_accept', 'member.invite_revoke']);
    });

    it('by actor (part of the label) and by target type', async () => {
      const everything = await all();
      const newcomer = expected.find((e) => e.action === 'member.invite_accept')?.actor.email ?? '';
      const byNewcomer = await all(`&actor=${encodeURIComponent(newcomer)}`);
      expect(byNewcomer.map((e) => e.action).sort()).toEqual(['member.invite_accept', 'member.leave']);
      const byAdmin = await all('&actor=admin%40trustbridge');
      expect(byAdmin.map((e) => e.id)).toEqual(everything.filter((e) => e.actor.label.includes('admin@trustbridge')).map((e) => e.id));
      // Labels are stored lowercase (emails are normalised): the filter ignores case, on every database.
      expect((await all('&actor=ADMIN%40TrustBridge')).map((e) => e.id)).toEqual(byAdmin.map((e) => e.id));
      expect(await all('&actor=nobody-like-this')).toEqual([]);
      const invitations = await all('&targetType=invitation');
      expect(invitations.map((e) => e.id)).toEqual(everything.filter((e) => e.target.type === 'invitation').map((e) => e.id));
    });

    it('by time: since and until are inclusive and combine with the other filters', async () => {
      const everything = await all();
      const oldestFirst = [...everything].reverse();
      const from = oldestFirst[4]?.createdAt ?? '';
      const to = oldestFirst[oldestFirst.length - 4]?.createdAt ?? '';
      const within = (e: AuditItem, since?: string, until?: string) => (!since || Date.parse(e.createdAt) >= Date.parse(since)) && (!until || Date.parse(e.createdAt) <= Date.parse(until));
      expect((await all(`&since=${from}`)).map((e) => e.id)).toEqual(everything.filter((e) => within(e, from)).map((e) => e.id));
      expect((await all(`&until=${to}`)).map((e) => e.id)).toEqual(everything.filter((e) => within(e, undefined, to)).map((e) => e.id));
      const range = await all(`&since=${from}&until=${to}`);
      expect(range.map((e) => e.id)).toEqual(everything.filter((e) => within(e, from, to)).map((e) => e.id));
      expect(range.length).toBeGreaterThan(0);
      expect(range.length).toBeLessThan(everything.length);
      // The same instant written with another offset.
      const shifted = new Date(Date.parse(from) + 2 * 3_600_000).toISOString().replace('Z', '+02:00');
      expect((await all(`&since=${encodeURIComponent(shifted)}`)).map((e) => e.id)).toEqual(everything.filter((e) => within(e, from)).map((e) => e.id));
      expect(await all(`&since=${new Date(Date.now() + 3_600_000).toISOString()}`)).toEqual([]);
      expect((await all(`&action=member.&since=${from}`)).map((e) => e.id)).toEqual(everything.filter((e) => e.action.startsWith('member.') && within(e, from)).map((e) => e.id));
    });

    it.each([
      ['since', 'since=yesterday'],
      ['until', 'until=2026-13-01T00:00:00Z'],
      ['action', 'action=DROP%20TABLE'],
      ['targetId', 'targetId=nope'],
      ['limit', 'limit=0'],
      ['cursor', 'cursor=zzz'],
    ])('an invalid %s → 400 invalid_request naming it', async (field, query) => {
      const r = await admin.get(`/api/v1/orgs/${orgId}/audit?${query}`);
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe('invalid_request');
      expect((r.json.error.issues as { path: string }[]).map((i) => i.path)).toEqual([field]);
    });
  });

  it.each(['audit', 'audit/export'])('GET %s with since after until → 400 invalid_request naming until (list and export alike)', async (route) => {
    const r = await admin.get(`/api/v1/orgs/${orgId}/${route}?since=2026-03-10T00:00:00Z&until=2026-03-01T00:00:00Z`);
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('invalid_request');
    expect(r.json.error.issues).toEqual([{ path: 'until', message: 'until must not be before since.' }]);
    // The same instant is a valid (inclusive) range; an invalid since is named alone.
    expectStatus(await admin.get(`/api/v1/orgs/${orgId}/${route}?since=2026-03-01T00:00:00Z&until=2026-03-01T00:00:00Z`), 200);
    const bad = await admin.get(`/api/v1/orgs/${orgId}/${route}?since=yesterday&until=2026-03-01T00:00:00Z`);
    expect((bad.json.error.issues as { path: string }[]).map((i) => i.path)).toEqual(['since']);
  });

  describe('exports', () => {
    it('NDJSON: every matching event, as the API returns it', async () => {
      for (const query of ['', '&action=member.', `&actor=${encodeURIComponent('admin@trustbridge.test')}`]) {
        const r = expectStatus(await admin.get(`/api/v1/orgs/${orgId}/audit/export?format=ndjson${query}`), 200);
        expect(r.headers['content-type']).toMatch(/^application\/x-ndjson/);
        expect(r.headers['content-disposition']).toMatch(/^attachment; filename="trustbridge-audit-\d{4}-\d{2}-\d{2}\.ndjson"$/);
        const lines = r.text.trimEnd().split('\n').filter(Boolean).map((l) => JSON.parse(l) as AuditItem);
        expect(lines, query).toEqual(await all(query));
      }
    });

    it('CSV: a header and one quoted row per matching event', async () => {
      for (const query of ['', '&action=project.']) {
        const r = expectStatus(await admin.get(`/api/v1/orgs/${orgId}/audit/export?format=csv${query}`), 200);
        expect(r.headers['content-type']).toMatch(/^text\/csv/);
        expect(r.headers['content-disposition']).toMatch(/^attachment; filename="trustbridge-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
        const { rows, allQuoted } = parseCsv(r.text);
        expect(rows[0]).toEqual(['id', 'createdAt', 'action', 'actorType', 'actor', 'targetType', 'targetId', 'target', 'before', 'after', 'requestId', 'ipAddress']);
        expect(allQuoted).toBe(true);
        const events = await all(query);
        expect(rows.slice(1).map((row) => row[0])).toEqual(events.map((e) => e.id));
        for (const [i, e] of events.entries()) {
          const row = rows[i + 1] ?? [];
          expect(row).toHaveLength(12);
          expect(row.slice(1, 5)).toEqual([e.createdAt, e.action, e.actor.type, e.actor.label]);
          expect(row[8]).toBe(e.before === null ? '' : JSON.stringify(e.before));
        }
      }
    });

    it('CSV neutralises cells a spreadsheet would run as a formula (= + - @), and keeps them intact in NDJSON', async () => {
      const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRoleWithWebIdentity' }] };
      const names = ['=HYPERLINK("http://evil.example","click")', '@SUM(A1:A9)', '+1+2', '-3-4'];
      for (const name of names) expectStatus(await admin.post(`/api/v1/orgs/${orgId}/trust-policies`, { name, policy }), 201);
      const emails = [`+${randomBytes(3).toString('hex')}@example.com`, `-${randomBytes(3).toString('hex')}@example.com`];
      for (const email of emails) expectStatus(await admin.post(`/api/v1/orgs/${orgId}/members`, { email, role: 'member' }), 201);

      const { rows } = parseCsv(expectStatus(await admin.get(`/api/v1/orgs/${orgId}/audit/export?format=csv`), 200).text);
      const targets = rows.slice(1).map((row) => row[7] ?? '');
      for (const label of [...names, ...emails]) {
        expect(targets).toContain(`'${label}`);
        expect(targets).not.toContain(label);
      }
      for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      const raw = expectStatus(await admin.get(`/api/v1/orgs/${orgId}/audit/export?format=csv`), 200).text;
      expect(raw).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
      const ndjson = expectStatus(await admin.get(`/api/v1/orgs/${orgId}/audit/export?format=ndjson`), 200).text;
      const labels = ndjson.trim().split('\n').map((l) => (JSON.parse(l) as AuditItem).target.label);
      for (const label of [...names, ...emails]) expect(labels).toContain(label);
    });
  });

  describe('who may read it', () => {
    it('members get 403 forbidden on the list and the export; outsiders 404; anonymous 401', async () => {
      const member = await userWithRole(admin, server, orgId, 'member');
      for (const path of [`/api/v1/orgs/${orgId}/audit`, `/api/v1/orgs/${orgId}/audit/export?format=csv`, `/api/v1/orgs/${orgId}/audit/export?format=ndjson`]) {
        const asMember = await member.client.get(path);
        expect([path, asMember.status, asMember.json?.error?.code]).toEqual([path, 403, 'forbidden']);
        const asOutsider = await outsider.get(path);
        expect([path, asOutsider.status, asOutsider.json?.error?.code]).toEqual([path, 404, 'not_found']);
        const anonymous = await new TestClient(server.url, server.publicUrl).get(path);
        expect([path, anonymous.status, anonymous.json?.error?.code]).toEqual([path, 401, 'unauthenticated']);
      }
    });

    it('admins may read it', async () => {
      const orgAdmin = await userWithRole(admin, server, orgId, 'admin');
      expect((await orgAdmin.client.get(`/api/v1/orgs/${orgId}/audit`)).status).toBe(200);
      expect((await orgAdmin.client.get(`/api/v1/orgs/${orgId}/audit/export?format=csv`)).status).toBe(200);
    });
  });
});
