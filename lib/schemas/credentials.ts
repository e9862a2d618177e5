import { z } from 'zod';
import { DURATION_SECONDS_DEFAULT } from '@/lib/domain/aws/limits';
import { ZClientId, ZDurationSeconds, ZRegion, ZRoleArn } from './aws';
import { ZId, ZName, ZPageQuery, ZStage, ZVersion } from './common';

// Deployment credentials, environment overrides, effective credentials and Test connection
// (issue 10): request bodies, query strings and the response shapes (for the UI's fetch + parse).

// ---- requests -------------------------------------------------------------------------------------

export const ZCredentialAudience = ZClientId.trim();

export const ZCreateCredential = z.object({
  name: ZName,
  roleArn: ZRoleArn,
  durationSeconds: ZDurationSeconds.default(DURATION_SECONDS_DEFAULT),
  /** Absent → sts.amazonaws.com (it must be one of the organization's allowed audiences). */
  audience: ZCredentialAudience.optional(),
  region: ZRegion.nullable().optional(),
  /** Absent or null → the organization default; else that project's default. */
  projectId: ZId.nullable().optional(),
});
export type TCreateCredential = z.input<typeof ZCreateCredential>;

/** Partial update; the scope (projectId) never changes. `region: null` clears the region. */
export const ZUpdateCredential = z.object({
  version: ZVersion,
  name: ZName.optional(),
  roleArn: ZRoleArn.optional(),
  durationSeconds: ZDurationSeconds.optional(),
  audience: ZCredentialAudience.optional(),
  region: ZRegion.nullable().optional(),
});
export type TUpdateCredential = z.input<typeof ZUpdateCredential>;

export const ZCredentialParams = z.object({ orgId: ZId, credentialId: ZId });

export const ZCredentialListQuery = ZPageQuery.extend({
  projectId: ZId.optional(),
  scope: z.enum(['organization', 'project'], 'Choose organization or project.').optional(),
});

/** PUT …/override: creates when the environment has none; otherwise `version` must be the current one. */
export const ZPutOverride = z.object({
  roleArn: ZRoleArn,
  /** Absent or null → the duration of the credential below (project, else organization), else 3600. */
  durationSeconds: ZDurationSeconds.nullable().optional(),
  version: ZVersion.optional(),
});
export type TPutOverride = z.input<typeof ZPutOverride>;

/** DELETE …/override?version=N and DELETE …/credentials/{id}?version=N. */
export const ZVersionQuery = z.object({ version: z.coerce.number().int('Not a version.').min(1, 'Not a version.').optional() });

export const CREDENTIAL_SOURCES = ['environment', 'project', 'organization'] as const;
export const ZCredentialSource = z.enum(CREDENTIAL_SOURCES);

export const ZEffectiveListQuery = ZPageQuery.extend({
  projectId: ZId.optional(),
  /** One environment's row (its effective credential, or null — never a 404, unlike …/effective-credential). */
  environmentId: ZId.optional(),
  stage: ZStage.optional(),
  /** Only environments whose effective credential comes from this layer (`none`: nothing effective). */
  source: z.enum([...CREDENTIAL_SOURCES, 'none'], 'Choose environment, project, organization or none.').optional(),
});

/** POST …/test-connection: a credential of the organization or of the environment's project; absent → the effective credential. */
export const ZTestConnection = z.object({ credentialId: ZId.optional() }).strict();

// ---- responses ------------------------------------------------------------------------------------

export const ZRecordedRole = z.object({ id: z.string(), name: z.string(), maxSessionDuration: z.number() });

export const ZDeploymentCredential = z.object({
  id: ZId,
  name: z.string(),
  scope: z.enum(['organization', 'project']),
  projectId: ZId.nullable(),
  projectSlug: z.string().nullable(),
  projectName: z.string().nullable(),
  roleArn: z.string(),
  durationSeconds: z.number(),
  audience: z.string(),
  region: z.string().nullable(),
  /** The AWS wizard's record of this role (same account and name), when there is one. */
  role: ZRecordedRole.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type TDeploymentCredential = z.infer<typeof ZDeploymentCredential>;

export const ZEnvironmentOverride = z.object({
  environmentId: ZId,
  roleArn: z.string(),
  durationSeconds: z.number().nullable(),
  role: ZRecordedRole.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type TEnvironmentOverride = z.infer<typeof ZEnvironmentOverride>;

const ZFieldSource = z.enum([...CREDENTIAL_SOURCES, 'default']);

export const ZEnvironmentSummary = z.object({
  id: ZId,
  slug: z.string(),
  name: z.string(),
  stage: ZStage,
  projectId: ZId,
  projectSlug: z.string(),
  projectName: z.string(),
});

export const ZEffective = z.object({
  source: ZCredentialSource,
  /** The object the role comes from: the environment (override) or the deployment credential. */
  sourceId: ZId,
  sourceName: z.string(),
  roleArn: z.string(),
  durationSeconds: z.number(),
  audience: z.string(),
  region: z.string().nullable(),
  roleSessionName: z.string(),
  credential: z.object({ id: ZId, name: z.string(), scope: z.enum(['organization', 'project']), projectId: ZId.nullable() }).nullable(),
  override: z.object({ roleArn: z.string(), durationSeconds: z.number().nullable(), version: z.number(), updatedAt: z.string() }).nullable(),
  fieldSources: z.object({ roleArn: ZFieldSource, durationSeconds: ZFieldSource, audience: ZFieldSource, region: ZFieldSource }),
  role: ZRecordedRole.nullable(),
  /** Problems known before any AWS call, e.g. a duration above the recorded role's MaxSessionDuration. */
  warnings: z.array(z.object({ field: z.string(), message: z.string() })),
});

/** GET …/environments/{envId}/effective-credential (404 no_credential when nothing is effective). */
export const ZEffectiveCredential = ZEffective.extend({ environment: ZEnvironmentSummary });
export type TEffectiveCredential = z.infer<typeof ZEffectiveCredential>;

/** One row of GET …/effective-credentials: every environment, `effective: null` when nothing applies. */
export const ZEffectiveCredentialRow = z.object({ id: ZId, environment: ZEnvironmentSummary, effective: ZEffective.nullable() });
export type TEffectiveCredentialRow = z.infer<typeof ZEffectiveCredentialRow>;

/** GET /api/v1/idp/aws: what the CLI needs (for the calling environment only). */
export const ZIdpAws = z.object({
  environmentId: ZId,
  source: ZCredentialSource,
  roleArn: z.string(),
  durationSeconds: z.number(),
  audience: z.string(),
  region: z.string().nullable(),
  roleSessionName: z.string(),
});
export type TIdpAws = z.infer<typeof ZIdpAws>;

export const CONNECTION_STEPS = ['resolve', 'mint', 'precheck', 'assume', 'identity'] as const;
/** The steps' titles, in order: the server's result uses them, and the dashboard shows them while the test runs. */
export const CONNECTION_STEP_TITLES: Record<(typeof CONNECTION_STEPS)[number], string> = {
  resolve: 'Credential to test',
  mint: 'Mint an ID token for the environment',
  precheck: 'Check the recorded trust policy and session limit',
  assume: 'AssumeRoleWithWebIdentity (AWS STS)',
  identity: 'GetCallerIdentity with the temporary credentials',
};
export const ZConnectionStep = z.object({
  id: z.enum(CONNECTION_STEPS),
  status: z.enum(['ok', 'failed', 'skipped']),
  title: z.string(),
  detail: z.string(),
  fix: z.string().optional(),
});

export const ZConnectionTestResult = z.object({
  ok: z.boolean(),
  steps: z.array(ZConnectionStep),
  roleArn: z.string(),
  durationSeconds: z.number(),
  audience: z.string(),
  /** What was tested: the environment's effective credential, or the credential named in the request. */
  tested: z.enum(['effective', 'credential']),
  source: ZCredentialSource,
  credentialId: ZId.nullable(),
  roleSessionName: z.string(),
  /** When STS refused: its error code and the explanation table's cause (lib/domain/aws/sts-errors.ts). */
  awsErrorCode: z.string().optional(),
  cause: z.string().optional(),
  assumedRoleArn: z.string().optional(),
  account: z.string().optional(),
  expiration: z.string().optional(),
});
export type TConnectionTestResult = z.infer<typeof ZConnectionTestResult>;
