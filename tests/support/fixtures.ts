// Test data made through the public API only: organizations, projects, environments, tokens, and
// users of every role (created through real invitation links).
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { TestClient, type HttpResult } from './http-client';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './server';

export interface ServerRef {
  url: string;
  publicUrl: string;
}

export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

export function expectStatus(result: HttpResult, status: number): HttpResult {
  if (result.status !== status) throw new Error(`expected HTTP ${status}, got ${result.status}: ${result.text.slice(0, 500)}`);
  return result;
}

export async function signedInAdmin(server: ServerRef): Promise<TestClient> {
  const client = new TestClient(server.url, server.publicUrl);
  expectStatus(await client.signIn(ADMIN_EMAIL, ADMIN_PASSWORD), 200);
  return client;
}

export async function createOrg(client: TestClient, slug = unique('org')) {
  return expectStatus(await client.post('/api/v1/orgs', { name: `Org ${slug}`, slug }), 201).json as { id: string; slug: string; issuer: string; version: number };
}

export async function createProject(client: TestClient, orgId: string, slug = unique('proj')) {
  return expectStatus(await client.post(`/api/v1/orgs/${orgId}/projects`, { name: `Project ${slug}`, slug }), 201).json as { id: string; slug: string; version: number };
}

export async function createEnvironment(client: TestClient, orgId: string, projectId: string, stage = 'development', slug = unique('env')) {
  return expectStatus(await client.post(`/api/v1/orgs/${orgId}/environments`, { projectId, name: `Env ${slug}`, slug, stage }), 201).json as {
    id: string;
    slug: string;
    version: number;
    projectSlug: string;
  };
}

export async function createToken(client: TestClient, orgId: string, envId: string, name = 'ci') {
  return expectStatus(await client.post(`/api/v1/orgs/${orgId}/environments/${envId}/tokens`, { name }), 201).json as { id: string; token: string; prefix: string };
}

export const PASSWORD = 'a-long-test-password-123';

/** A brand-new user with `role` in the org, signed in, made through the invitation link. */
export async function userWithRole(owner: TestClient, server: ServerRef, orgId: string, role: 'owner' | 'admin' | 'member') {
  const email = `${unique(role)}@example.com`;
  const invited = expectStatus(await owner.post(`/api/v1/orgs/${orgId}/members`, { email, role }), 201).json;
  expect(invited.status).toBe('invited');
  const token = String(invited.inviteUrl).split('#')[1];
  const client = new TestClient(server.url, server.publicUrl);
  const accepted = expectStatus(await client.post('/api/v1/invitations/accept', { token, name: `User ${role}`, password: PASSWORD }), 201);
  client.absorbCookies(accepted);
  const me = expectStatus(await client.get('/api/v1/me'), 200).json;
  return { client, email, userId: me.user.id as string };
}

/** An owner of a fresh org (made by the admin, who then leaves it), plus that org. */
export async function ownerWithOrg(server: ServerRef) {
  const admin = await signedInAdmin(server);
  const org = await createOrg(admin);
  const owner = await userWithRole(admin, server, org.id, 'owner');
  return { admin, owner, org };
}

/** A refusal: the status, the stable error code and (optionally) the field an issue names; returns the error body. */
export function expectError(result: HttpResult, status: number, code: string, field?: string) {
  expect(result.status, result.text.slice(0, 300)).toBe(status);
  expect(result.json?.error?.code).toBe(code);
  if (field !== undefined) expect(result.json.error.issues?.map((i: { path: string }) => i.path)).toContain(field);
  return result.json.error;
}
