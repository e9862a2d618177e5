import 'server-only';
import { resolveEffectiveCredential, roleSessionNameForEnvironment } from '@/lib/domain/aws/effective-credential';
import type { TStage } from '@/lib/schemas/common';
import type { TEffectiveCredentialRow } from '@/lib/schemas/credentials';
import { credentialSelect, ORG_SCOPE, toCredentialLayer } from '../credentials/credential-dto';
import { durationAboveMaximum, findRecordedRoles, roleSummary } from '../aws-roles/recorded-role';
import type { DbOrTx } from '../db/client';
import { readIssuerSettings } from '../oidc/issuer-settings';
import { overrideSelect, type OverrideRow } from '../environment-overrides/override-dto';

// The effective credential of a batch of environments (a page of the table, or one environment)
// in a constant number of queries, whatever the batch size: the environments with their project
// and override (the caller's query), then every credential of the organization and of the
// batch's projects in one query, the recorded roles of the resulting ARNs in one, and the issuer
// settings in one. Resolution itself is lib/domain/aws/effective-credential.ts.

export const environmentForResolutionSelect = {
  id: true,
  slug: true,
  name: true,
  stage: true,
  projectId: true,
  project: { select: { slug: true, name: true } },
  override: { select: overrideSelect },
} as const;

export interface EnvironmentForResolution {
  id: string;
  slug: string;
  name: string;
  stage: string;
  projectId: string;
  project: { slug: string; name: string };
  override: OverrideRow | null;
}

export async function resolveEffectiveCredentials(db: DbOrTx, orgId: string, environments: EnvironmentForResolution[]): Promise<TEffectiveCredentialRow[]> {
  const projectIds = [...new Set(environments.map((e) => e.projectId))];
  const [credentials, settings] = await Promise.all([
    db.deploymentCredential.findMany({ where: { orgId, scopeKey: { in: [ORG_SCOPE, ...projectIds] } }, select: credentialSelect }),
    db.issuerSettings.findUnique({ where: { orgId } }),
  ]);
  const allowedAudiences = settings ? readIssuerSettings(settings).audiences : [];
  const byScope = new Map(credentials.map((c) => [c.projectId ?? ORG_SCOPE, toCredentialLayer(c)]));
  const organization = byScope.get(ORG_SCOPE) ?? null;
  const resolved = environments.map((env) => ({
    env,
    effective: resolveEffectiveCredential({
      override: env.override ? { roleArn: env.override.roleArn, durationSeconds: env.override.durationSeconds, version: env.override.version, updatedAt: env.override.updatedAt.toISOString() } : null,
      project: byScope.get(env.projectId) ?? null,
      organization,
    }),
  }));
  const roles = await findRecordedRoles(db, orgId, resolved.flatMap((r) => (r.effective ? [r.effective.roleArn] : [])));
  return resolved.map(({ env, effective }) => {
    const environment = { id: env.id, slug: env.slug, name: env.name, stage: env.stage as TStage, projectId: env.projectId, projectSlug: env.project.slug, projectName: env.project.name };
    if (!effective) return { id: env.id, environment, effective: null };
    const role = roles.get(effective.roleArn);
    const warnings: { field: string; message: string }[] = [];
    const tooLong = durationAboveMaximum(role, effective.durationSeconds);
    if (tooLong) warnings.push({ field: 'durationSeconds', message: tooLong });
    if (!allowedAudiences.includes(effective.audience)) warnings.push({ field: 'audience', message: `The audience "${effective.audience}" is not among the organization's allowed audiences: no ID token can be minted for it.` });
    const fromOverride = effective.source === 'environment';
    return {
      id: env.id,
      environment,
      effective: {
        ...effective,
        sourceId: fromOverride ? env.id : (effective.credential?.id ?? env.id),
        sourceName: fromOverride ? env.name : (effective.credential?.name ?? env.name),
        roleSessionName: roleSessionNameForEnvironment(env.project.slug, env.slug),
        role: roleSummary(role),
        warnings,
      },
    };
  });
}
