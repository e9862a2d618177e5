// The shape of one row of the authorization matrix, the role columns it is built from, and the
// checks that run after a call: a permitted call had its effect, a refused one changed nothing.
import { expect } from 'vitest';
import { expectStatus } from '../../support/fixtures';
import type { HttpResult, TestClient } from '../../support/http-client';
import { currentVersion, ownerGet, type Role, type World } from './world';

export interface Call {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send no session cookie whatever the role. */
  noCookie?: boolean;
  /** Call as this client instead of the role's own (a fresh user holding that role). */
  as?: TestClient;
  /** Runs after status and error code are checked; `done` = the call was permitted. */
  after?: (result: HttpResult, done: boolean) => Promise<void> | void;
}

export interface Entry {
  expect: Record<Role, number>;
  /** Error codes of statuses the defaults do not name (or name differently for this route). */
  codes?: Partial<Record<number, string>>;
  /** Builds the concrete path and a valid body, so only who is asking decides the outcome. */
  prepare: (w: World, role: Role) => Promise<Call> | Call;
}

export const DEFAULT_CODES: Readonly<Record<number, string>> = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found' };

export const status = (anonymous: number, member: number, admin: number, owner: number, outsider: number): Record<Role, number> => ({ anonymous, member, admin, owner, outsider });
/** Readable by every member of the org; outsiders see nothing. */
export const READ = status(401, 200, 200, 200, 404);
/** Changed by owners and admins only. */
export const MANAGE = (ok: number) => status(401, 403, ok, ok, 404);
/** Only owners. */
export const OWNER_ONLY = (ok: number) => status(401, 403, 403, ok, 404);
export const SIGNED_IN = (ok: number) => status(401, ok, ok, ok, ok);
export const EVERYONE = (code: number) => status(code, code, code, code, code);

// ---- after-checks -------------------------------------------------------------------------------

/** A versioned object: a permitted change bumps the version by one, a refused one leaves it. */
export async function versioned(w: World, path: string, body: (version: number) => Record<string, unknown>): Promise<Call> {
  const before = await currentVersion(w, path);
  return { path, body: body(before), after: async (_r, done) => expect(await currentVersion(w, path)).toBe(done ? before + 1 : before) };
}

/** A deletion: the object is gone when permitted and still there when refused. */
export const deletes = (w: World, path: string, readPath = path): Call => ({
  path,
  after: async (_r, done) => expect((await ownerGet(w, readPath)).status).toBe(done ? 404 : 200),
});

/** A creation: something matching `found` appears in the owner's list only when permitted. */
export const creates =
  (w: World, listPath: string, found: (item: Record<string, unknown>) => boolean) =>
  async (_r: HttpResult, done: boolean) => {
    const items = expectStatus(await ownerGet(w, listPath), 200).json.items as Record<string, unknown>[];
    expect(items.some(found)).toBe(done);
  };

/** A read answered with this org's data (never another's). */
export const answersFor =
  (pick: (json: Record<string, unknown>) => unknown, expected: unknown) =>
  (r: HttpResult, done: boolean) => {
    if (done) expect(pick(r.json as Record<string, unknown>)).toBe(expected);
  };
