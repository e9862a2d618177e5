// Matrix rows for the claim inspector (see matrix-org.ts for the shape of a row): inspecting and
// evaluating are for every member (token.inspect), minting a signed token from the dashboard is
// for admins (id_token.mint, audited), outsiders see nothing. The environment-token way in to the
// inspect endpoint is a variant (INSPECT_VARIANTS, added to matrix-variants.ts).
import { expect } from 'vitest';
import { expectStatus } from '../../support/fixtures';
import type { HttpResult } from '../../support/http-client';
import { answersFor, EVERYONE, MANAGE, READ, type Entry } from './entry';
import type { Variant } from './matrix-variants';
import { GOOD_POLICY, orgPath as org, ownerGet, type World } from './world';

/** A fresh ID token of the world's environment (through the workload endpoint). */
async function idToken(w: World): Promise<string> {
  const r = await w.clients.anonymous.post('/api/v1/idp/token', {}, { origin: null, cookie: null, headers: { Authorization: `Bearer ${w.envToken}` } });
  return String(expectStatus(r, 200).json.token);
}

const mints = async (w: World) => (expectStatus(await ownerGet(w, `${org(w)}/audit?action=id_token.mint&limit=200`), 200).json.items as unknown[]).length;
const allChecksPass = (r: HttpResult, done: boolean) => {
  if (done) expect((r.json.checks as { ok: boolean }[]).every((c) => c.ok)).toBe(true);
};

export const INSPECT_MATRIX: Record<string, Entry> = {
  'POST /api/v1/tokens/inspect': { expect: READ, prepare: async (w) => ({ path: '/api/v1/tokens/inspect', body: { token: await idToken(w), orgId: w.orgId }, after: allChecksPass }) },
  'GET /api/v1/orgs/[orgId]/inspector/targets': { expect: READ, prepare: (w) => ({ path: `${org(w)}/inspector/targets`, after: answersFor((j) => (j.trustPolicies as { id: string }[]).some((p) => p.id === w.policyId), true) }) },
  'POST /api/v1/orgs/[orgId]/inspector/evaluate': {
    expect: READ,
    prepare: async (w) => ({ path: `${org(w)}/inspector/evaluate`, body: { token: await idToken(w), policy: GOOD_POLICY(w.orgId, w.issuer) }, after: answersFor((j) => j.decision, 'Allow') }),
  },
  'POST /api/v1/orgs/[orgId]/environments/[envId]/id-token': {
    expect: MANAGE(200),
    prepare: async (w) => {
      const before = await mints(w);
      return { path: `${org(w)}/environments/${w.envId}/id-token`, body: {}, after: async (_r, done) => expect(await mints(w)).toBe(done ? before + 1 : before) };
    },
  },
};

export const INSPECT_VARIANTS: Variant[] = [
  {
    route: 'POST /api/v1/tokens/inspect',
    name: 'with an environment token (its own organization; whatever session rides along)',
    expect: EVERYONE(200),
    prepare: async (w) => ({ path: '/api/v1/tokens/inspect', headers: { Authorization: `Bearer ${w.envToken}` }, body: { token: await idToken(w) }, after: allChecksPass }),
  },
];
