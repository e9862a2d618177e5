// The effective AWS credential of an environment (PRODUCT.md "Environment override"):
//   environment override → project credential → organization credential.
// The first layer that exists decides `source` and the role ARN. An override carries only a role
// ARN and optionally a duration; its other fields come from the credential below it (the project's,
// else the organization's): durationSeconds = override ?? credential below ?? 3600, audience =
// credential below ?? sts.amazonaws.com, region = credential below ?? null. A project or
// organization credential is complete on its own (no field is taken from the organization's when
// a project credential exists). `fieldSources` says where each field came from.
import { DURATION_SECONDS_DEFAULT, roleSessionNameFrom } from './limits';

export const DEFAULT_CREDENTIAL_AUDIENCE = 'sts.amazonaws.com';

export type CredentialSource = 'environment' | 'project' | 'organization';
export type FieldSource = CredentialSource | 'default';

export interface CredentialLayer {
  id: string;
  name: string;
  /** null = the organization default. */
  projectId: string | null;
  roleArn: string;
  durationSeconds: number;
  audience: string;
  region: string | null;
}

export interface OverrideLayer {
  roleArn: string;
  durationSeconds: number | null;
  version: number;
  updatedAt: string;
}

export interface EffectiveCredential {
  source: CredentialSource;
  roleArn: string;
  durationSeconds: number;
  audience: string;
  region: string | null;
  /** The deployment credential used: the source itself, or (under an override) the one its other fields come from. */
  credential: { id: string; name: string; scope: 'organization' | 'project'; projectId: string | null } | null;
  override: OverrideLayer | null;
  fieldSources: { roleArn: FieldSource; durationSeconds: FieldSource; audience: FieldSource; region: FieldSource };
}

const scopeOf = (c: CredentialLayer): 'organization' | 'project' => (c.projectId === null ? 'organization' : 'project');

export function resolveEffectiveCredential(layers: { override: OverrideLayer | null; project: CredentialLayer | null; organization: CredentialLayer | null }): EffectiveCredential | null {
  const below = layers.project ?? layers.organization;
  const credential = below ? { id: below.id, name: below.name, scope: scopeOf(below), projectId: below.projectId } : null;
  if (layers.override) {
    const o = layers.override;
    const belowSource: FieldSource = below ? scopeOf(below) : 'default';
    return {
      source: 'environment',
      roleArn: o.roleArn,
      durationSeconds: o.durationSeconds ?? below?.durationSeconds ?? DURATION_SECONDS_DEFAULT,
      audience: below?.audience ?? DEFAULT_CREDENTIAL_AUDIENCE,
      region: below?.region ?? null,
      credential,
      override: o,
      fieldSources: {
        roleArn: 'environment',
        durationSeconds: o.durationSeconds !== null ? 'environment' : belowSource,
        audience: belowSource,
        region: below?.region ? belowSource : 'default',
      },
    };
  }
  if (!below) return null;
  const source = scopeOf(below);
  return {
    source,
    roleArn: below.roleArn,
    durationSeconds: below.durationSeconds,
    audience: below.audience,
    region: below.region,
    credential,
    override: null,
    fieldSources: { roleArn: source, durationSeconds: source, audience: source, region: below.region ? source : 'default' },
  };
}

/** The RoleSessionName of an environment's sessions: `<project slug>.<environment slug>`, always valid for STS (2–64 of [\w+=,.@-]). */
export function roleSessionNameForEnvironment(projectSlug: string, environmentSlug: string): string {
  return roleSessionNameFrom(`${projectSlug}.${environmentSlug}`);
}
