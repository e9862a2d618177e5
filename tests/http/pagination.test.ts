import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createEnvironment, createOrg, createProject, expectStatus, signedInAdmin, unique, userWithRole } from '../support/fixtures';
import type { TestClient } from '../support/http-client';

// Keyset pagination: `limit` (1–200, default 50) and `cursor` (the id of the last item seen) on
// every paginated list; every item exactly once, nextCursor null on the last page.
const server = inject('server');

interface Page {
  items: { id?: string; userId?: string }[];
  nextCursor: string | null;
}
const keyOf = (item: { id?: string; userId?: string }) => String(item.id ?? item.userId);

async function walk(client: TestClient, path: string, limit: number): Promise<{ pages: string[][]; cursors: (string | null)[] }> {
  const pages: string[][] = [];
  const cursors: (string | null)[] = [];
  let cursor: string | null = null;
  const sep = path.includes('?') ? '&' : '?';
  do {
    const page = expectStatus(await client.get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`), 200).json as Page;
    pages.push(page.items.map(keyOf));
    cursors.push(page.nextCursor);
    cursor = page.nextCursor;
    if (pages.length > 500) throw new Error('pagination does not end');
  } while (cursor);
  return { pages, cursors };
}

describe('pagination', () => {
  let owner: TestClient;
  let orgId: string;
  let projectIds: string[];
  const lists: [string, () => string, number][] = [];

  beforeAll(async () => {
    const admin = await signedInAdmin(server);
    const side = await createOrg(admin);
    owner = (await userWithRole(admin, server, side.id, 'owner')).client;
    const orgs = [];
    for (let i = 0; i < 6; i++) orgs.push(await createOrg(owner));
    orgId = orgs[0]?.id ?? '';
    projectIds = [];
    for (let i = 0; i < 7; i++) projectIds.push((await createProject(owner, orgId)).id);
    for (let i = 0; i < 9; i++) await createEnvironment(owner, orgId, projectIds[i % 2] ?? '', ['development', 'staging', 'production'][i % 3]);
    for (let i = 0; i < 4; i++) await userWithRole(owner, server, orgId, 'member');
    lists.push(
      ['organizations', () => '/api/v1/orgs', 7],
      ['projects', () => `/api/v1/orgs/${orgId}/projects`, 7],
      ['environments', () => `/api/v1/orgs/${orgId}/environments`, 9],
      ['environments of one project', () => `/api/v1/orgs/${orgId}/environments?projectId=${projectIds[0]}`, 5],
      ['environments of one stage', () => `/api/v1/orgs/${orgId}/environments?stage=staging`, 3],
      ['effective credentials (every environment)', () => `/api/v1/orgs/${orgId}/effective-credentials`, 9],
      ['effective credentials of one project and stage', () => `/api/v1/orgs/${orgId}/effective-credentials?projectId=${projectIds[0]}&stage=development`, 2],
      ['members', () => `/api/v1/orgs/${orgId}/members`, 5],
      ['audit events', () => `/api/v1/orgs/${orgId}/audit`, 0],
    );
  }, 90_000);

  it('every list returns every item exactly once, whatever the page size, with nextCursor null only at the end', async () => {
    for (const [what, path, count] of lists) {
      const everything = (expectStatus(await owner.get(`${path()}${path().includes('?') ? '&' : '?'}limit=200`), 200).json as Page).items.map(keyOf);
      if (count > 0) expect(everything, what).toHaveLength(count);
      else expect(everything.length, what).toBeGreaterThan(20);
      expect(new Set(everything).size, what).toBe(everything.length);
      // Without `limit`: the default page size (50) holds them all.
      const defaultPage = expectStatus(await owner.get(path()), 200).json as Page;
      expect(defaultPage.items.map(keyOf), what).toEqual(everything.slice(0, 50));
      expect(defaultPage.nextCursor === null, what).toBe(everything.length <= 50);
      for (const limit of [1, 2, 3, 5, everything.length, 200]) {
        const { pages, cursors } = await walk(owner, path(), limit);
        expect(pages.flat(), `${what}, limit ${limit}`).toEqual(everything);
        expect(pages.length, `${what}, limit ${limit}`).toBe(Math.max(1, Math.ceil(everything.length / limit)));
        for (const page of pages.slice(0, -1)) expect(page).toHaveLength(limit);
        expect(cursors.slice(0, -1).every((c) => c !== null)).toBe(true);
        expect(cursors[cursors.length - 1]).toBeNull();
        // The cursor is the last item of its page.
        for (const [i, page] of pages.slice(0, -1).entries()) expect(cursors[i]).toBe(page[page.length - 1]);
      }
    }
  });

  it('items created or deleted while paging are never duplicated and never make others disappear', async () => {
    const path = `/api/v1/orgs/${orgId}/projects`;
    const before = (expectStatus(await owner.get(`${path}?limit=200`), 200).json as Page).items.map(keyOf);
    const first = expectStatus(await owner.get(`${path}?limit=3`), 200).json as Page;
    const added = await createProject(owner, orgId, unique('late'));
    const seenFirst = first.items.map(keyOf);
    expectStatus(await owner.delete(`${path}/${seenFirst[0]}`), 204);
    const rest: string[] = [];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = expectStatus(await owner.get(`${path}?limit=3&cursor=${cursor}`), 200).json as Page;
      rest.push(...page.items.map(keyOf));
      cursor = page.nextCursor;
    }
    const seen = [...seenFirst, ...rest];
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...before, added.id]);
  });

  it('a cursor past the end gives an empty last page', async () => {
    const page = expectStatus(await owner.get(`/api/v1/orgs/${orgId}/projects?limit=5&cursor=zzzzzzzzzzzzzzzzzzzzzzzzzz`), 200).json as Page;
    expect(page).toEqual({ items: [], nextCursor: null });
  });

  it.each([
    ['limit', 'limit=0'],
    ['limit', 'limit=-1'],
    ['limit', 'limit=201'],
    ['limit', 'limit=abc'],
    ['limit', 'limit=1.5'],
    ['limit', 'limit=1e3'],
    ['cursor', 'cursor=not-a-cursor'],
    ['cursor', 'cursor=01M8474FMB8Q3DVCAFHGT5C8G9'],
    ['cursor', `cursor=${'0'.repeat(65)}`],
    ['cursor', "cursor=1'%20OR%20'1'%3D'1"],
    ['cursor', 'cursor='],
  ])('an invalid %s (%s) → 400 invalid_request on every list', async (field, query) => {
    for (const [what, path] of lists) {
      const r = await owner.get(`${path()}${path().includes('?') ? '&' : '?'}${query}`);
      expect([what, r.status, r.json?.error?.code], query).toEqual([what, 400, 'invalid_request']);
      expect([...new Set((r.json.error.issues as { path: string }[]).map((i) => i.path))]).toEqual([field]);
    }
  });
});
