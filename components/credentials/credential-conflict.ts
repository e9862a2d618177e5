import { ApiError } from '@/lib/client/api';
import { fetchCredential } from '@/lib/client/queries/credentials';
import type { TDeploymentCredential } from '@/lib/schemas/credentials';
import { fieldChanges, type FieldChange } from './conflict-notice';
import { sessionLength } from './recorded-roles';

// A save or delete of a deployment credential refused because someone else changed (409) or
// removed (404) it meanwhile: the credential as stored now, and what differs from the version seen.

export interface CredentialConflict {
  /** null: it is gone. */
  now: TDeploymentCredential | null;
  changes: FieldChange[];
}

const FIELDS = [
  { label: 'Name', show: (c: TDeploymentCredential) => c.name },
  { label: 'Role ARN', show: (c: TDeploymentCredential) => c.roleArn },
  { label: 'Session duration', show: (c: TDeploymentCredential) => sessionLength(c.durationSeconds) },
  { label: 'Audience', show: (c: TDeploymentCredential) => c.audience },
  { label: 'Region', show: (c: TDeploymentCredential) => c.region ?? '(none)' },
];

/** The conflict behind `error`, read back from the server; null when the error is something else. */
export async function credentialConflict(orgId: string, seen: TDeploymentCredential, error: unknown): Promise<CredentialConflict | null> {
  if (!(error instanceof ApiError) || (error.code !== 'version_conflict' && error.status !== 404)) return null;
  const now = error.status === 404 ? null : await fetchCredential(orgId, seen.id).catch(() => null);
  return { now, changes: now ? fieldChanges(seen, now, FIELDS) : [] };
}
