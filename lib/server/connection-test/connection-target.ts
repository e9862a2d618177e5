import 'server-only';
import { roleSessionNameForEnvironment, type CredentialSource } from '@/lib/domain/aws/effective-credential';
import type { OrgAccess } from '../auth/org-access';
import { credentialSelect } from '../credentials/credential-dto';
import { getDb } from '../db/client';
import { badRequest, notFound } from '../errors';
import { noCredential } from '../effective-credentials/no-credential';
import { environmentForResolutionSelect, resolveEffectiveCredentials } from '../effective-credentials/resolve-effective-credentials';

// What Test connection tests: the environment's effective credential, or a credential of the
// organization named in the request (the dashboard's environment × credential button).

export interface ConnectionTarget {
  tested: 'effective' | 'credential';
  source: CredentialSource;
  credentialId: string | null;
  /** Says what is tested, for the first step. */
  description: string;
  roleArn: string;
  durationSeconds: number;
  audience: string;
  region: string | null;
  roleSessionName: string;
  environmentLabel: string;
}

const describe = (what: string, t: { roleArn: string; durationSeconds: number; audience: string; region: string | null }) =>
  `${what}: role ${t.roleArn}, ${t.durationSeconds} s sessions, audience ${t.audience}${t.region ? `, Region ${t.region}` : ''}.`;

export async function connectionTarget(access: OrgAccess, envId: string, credentialId: string | undefined): Promise<ConnectionTarget> {
  const db = getDb();
  const env = await db.environment.findFirst({ where: { id: envId, orgId: access.orgId }, select: environmentForResolutionSelect });
  if (!env) throw notFound('environment');
  const environmentLabel = `${env.project.slug}/${env.slug}`;
  const roleSessionName = roleSessionNameForEnvironment(env.project.slug, env.slug);
  if (credentialId) {
    const c = await db.deploymentCredential.findFirst({ where: { id: credentialId, orgId: access.orgId }, select: credentialSelect });
    if (!c) throw badRequest('No such credential in this organization.', [{ path: 'credentialId', message: 'No such credential in this organization.' }]);
    const source = c.projectId === null ? 'organization' : 'project';
    const t = { roleArn: c.roleArn, durationSeconds: c.durationSeconds, audience: c.audience, region: c.region };
    const what = `${source === 'organization' ? 'Organization' : `Project ${c.project?.slug ?? ''}`} credential "${c.name}" for ${environmentLabel}`;
    return { tested: 'credential', source, credentialId: c.id, description: describe(what, t), ...t, roleSessionName, environmentLabel };
  }
  const [row] = await resolveEffectiveCredentials(db, access.orgId, [env]);
  const e = row?.effective;
  if (!e) throw noCredential('admin');
  const what =
    e.source === 'environment'
      ? `The environment override of ${environmentLabel}`
      : `${e.source === 'project' ? 'The project' : 'The organization'} credential "${e.sourceName}", effective for ${environmentLabel}`;
  return { tested: 'effective', source: e.source, credentialId: e.credential?.id ?? null, description: describe(what, e), roleArn: e.roleArn, durationSeconds: e.durationSeconds, audience: e.audience, region: e.region, roleSessionName, environmentLabel };
}
