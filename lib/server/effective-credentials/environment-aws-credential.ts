import 'server-only';
import { resolveEffectiveCredential, roleSessionNameForEnvironment } from '@/lib/domain/aws/effective-credential';
import type { TIdpAws } from '@/lib/schemas/credentials';
import { ORG_SCOPE, toCredentialLayer } from '../credentials/credential-dto';
import { getDb } from '../db/client';
import type { EnvironmentPrincipal } from '../environment-tokens/authenticate-environment-token';
import { noCredential } from './no-credential';

// GET /api/v1/idp/aws: the effective credential of the environment whose token called — never any
// other (the environment comes from the token, not from the request). Two queries: the override,
// and the organization's and the project's credentials together.

export async function environmentAwsCredential(principal: EnvironmentPrincipal): Promise<TIdpAws> {
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
  if (!effective) throw noCredential('workload');
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
