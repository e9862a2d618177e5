import 'server-only';
import { resolveEffectiveCredential, roleSessionNameForEnvironment } from '@/lib/domain/aws/effective-credential';
import type { TIdpAws } from '@/lib/schemas/credentials';
import { ORG_SCOPE, toCredentialLayer } from '../credentials/credential-dto';
import { getDb } from '../db/client';
import type { EnvironmentPrincipal } from '../environment-tokens/authenticate-environment-token';
import { noCredential } from './no-credential';

// GET /api/v1/idp/aws: the effective credential of the environment whose token called — never any
// other (the environment comes from the token, not from the request). Two queries (the override;
// the organization's and the project's credentials together), and the answer is kept per
// environment for CACHE_TTL_MS on this replica: every credential or override change made here
// forgets them at once, so a change reaches every replica within CACHE_TTL_MS (like a token
// revocation). Kept on globalThis: the custom server's bundle and Next's each hold this module.

export const CACHE_TTL_MS = 2_000;
const MAX_ENTRIES = 50_000;

type Entry = { value: TIdpAws | null; fetchedAt: number };
const holder = globalThis as { __trustbridgeEffectiveAws?: { entries: Map<string, Entry>; generation: number } };
const state = (holder.__trustbridgeEffectiveAws ??= { entries: new Map(), generation: 0 });

/** Called after every change of a credential or an override (this replica at once, others within CACHE_TTL_MS). */
export function forgetEffectiveCredentials(): void {
  state.generation++;
  state.entries.clear();
}

async function lookup(principal: EnvironmentPrincipal): Promise<TIdpAws | null> {
  const db = getDb();
  const [override, credentials] = await Promise.all([
    db.environmentOverride.findFirst({ where: { environmentId: principal.environmentId, orgId: principal.orgId }, select: { roleArn: true, durationSeconds: true, version: true, updatedAt: true } }),
    db.deploymentCredential.findMany({
      where: { orgId: principal.orgId, scopeKey: { in: [ORG_SCOPE, principal.projectId] } },
      select: { id: true, name: true, projectId: true, roleArn: true, durationSeconds: true, audience: true, region: true },
    }),
  ]);
  const project = credentials.find((c) => c.projectId === principal.projectId);
  const organization = credentials.find((c) => c.projectId === null);
  const effective = resolveEffectiveCredential({
    override: override ? { ...override, updatedAt: override.updatedAt.toISOString() } : null,
    project: project ? toCredentialLayer(project) : null,
    organization: organization ? toCredentialLayer(organization) : null,
  });
  if (!effective) return null;
  return {
    environmentId: principal.environmentId,
    source: effective.source,
    roleArn: effective.roleArn,
    durationSeconds: effective.durationSeconds,
    audience: effective.audience,
    region: effective.region,
    roleSessionName: roleSessionNameForEnvironment(principal.projectSlug, principal.environmentSlug),
  };
}

export async function environmentAwsCredential(principal: EnvironmentPrincipal, now = Date.now()): Promise<TIdpAws> {
  const cached = state.entries.get(principal.environmentId);
  let value: TIdpAws | null;
  if (cached && now - cached.fetchedAt < CACHE_TTL_MS) value = cached.value;
  else {
    const startedAt = state.generation;
    value = await lookup(principal);
    // A change made while the lookup ran may not be in its answer: keep it out of the cache then.
    if (startedAt === state.generation) {
      if (state.entries.size >= MAX_ENTRIES) state.entries.clear();
      state.entries.set(principal.environmentId, { value, fetchedAt: now });
    }
  }
  if (!value) throw noCredential('workload');
  return value;
}
