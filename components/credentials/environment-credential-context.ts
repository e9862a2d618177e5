import { DURATION_SECONDS_DEFAULT } from '@/lib/domain/aws/limits';
import type { TAwsRole } from '@/lib/schemas/aws';
import type { TDeploymentCredential, TEffectiveCredentialRow } from '@/lib/schemas/credentials';
import type { Inherited, OverrideShape } from './override-editor';
import type { RecordedRoleOption } from './recorded-roles';
import type { TestChoice } from './connection-test';

// What the override editor and Test connection need for one environment, from its effective row and
// the organization's credentials (shared by the Credentials table and the environment page).

type Row = Pick<TEffectiveCredentialRow, 'environment' | 'effective'>;

/** The credential under an override: the environment's project's, else the organization's. */
export function credentialBelow(credentials: readonly TDeploymentCredential[], projectId: string): TDeploymentCredential | null {
  return credentials.find((c) => c.projectId === projectId) ?? credentials.find((c) => c.projectId === null) ?? null;
}

export function inheritedFor(credentials: readonly TDeploymentCredential[], row: Row): Inherited {
  const below = credentialBelow(credentials, row.environment.projectId);
  if (!below) return { durationSeconds: DURATION_SECONDS_DEFAULT, from: '(the default: no credential below the override)' };
  return { durationSeconds: below.durationSeconds, from: `from the ${below.scope} credential “${below.name}”` };
}

export function overrideOf(row: Row): OverrideShape | null {
  const o = row.effective?.override;
  return o ? { roleArn: o.roleArn, durationSeconds: o.durationSeconds, version: o.version } : null;
}

/** The effective credential, then each stored credential that could serve this environment. */
export function testChoices(credentials: readonly TDeploymentCredential[], row: Row): TestChoice[] {
  if (!row.effective) return [];
  const choices: TestChoice[] = [{ credentialId: null, label: `Effective credential (${row.effective.source === 'environment' ? 'the override' : `${row.effective.source}: “${row.effective.sourceName}”`})` }];
  for (const c of credentials) {
    if (c.projectId !== null && c.projectId !== row.environment.projectId) continue;
    choices.push({ credentialId: c.id, label: `${c.scope === 'organization' ? 'Organization' : 'Project'} credential “${c.name}” — ${c.roleArn}` });
  }
  return choices;
}

export const envLabelOf = (row: Row) => `${row.environment.projectSlug}/${row.environment.slug}`;

export const roleOptions = (roles: readonly TAwsRole[]): RecordedRoleOption[] =>
  roles.map((r) => ({ id: r.id, arn: r.arn, roleName: r.roleName, accountId: r.accountId, maxSessionDuration: r.maxSessionDuration }));
