import { parseRoleArn } from '@/lib/domain/aws/arn';
import { DURATION_SECONDS_MAX, DURATION_SECONDS_MIN } from '@/lib/domain/aws/limits';

// The AWS wizard's role records as the credential forms see them. A typed ARN names a recorded role
// when partition, account and name (case-insensitively, as IAM compares role names) are the same —
// the server's rule (lib/server/aws-roles/recorded-role.ts).

export interface RecordedRoleOption {
  id: string;
  arn: string;
  roleName: string;
  accountId: string;
  maxSessionDuration: number;
}

export function matchRecordedRole(roles: readonly RecordedRoleOption[], arn: string): RecordedRoleOption | null {
  const typed = parseRoleArn(arn.trim());
  if (!typed.ok) return null;
  return (
    roles.find((role) => {
      const r = parseRoleArn(role.arn);
      return r.ok && r.partition === typed.partition && r.accountId === typed.accountId && r.name.toLowerCase() === typed.name.toLowerCase();
    }) ?? null
  );
}

/** "3600 s (1 h)", "5400 s (1 h 30 min)", "900 s (15 min)". */
export function sessionLength(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const min = Math.floor((seconds % 3600) / 60);
  const parts = [h > 0 ? `${h} h` : '', min > 0 ? `${min} min` : ''].filter(Boolean).join(' ');
  return parts ? `${seconds} s (${parts})` : `${seconds} s`;
}

/** The highest duration a credential or override may ask for with this role. */
export function durationLimit(role: RecordedRoleOption | null): number {
  return role ? Math.min(role.maxSessionDuration, DURATION_SECONDS_MAX) : DURATION_SECONDS_MAX;
}

export function durationHint(role: RecordedRoleOption | null, inherited?: string): string {
  const range = `${DURATION_SECONDS_MIN}–${durationLimit(role)} seconds`;
  const limit = role ? ` (the recorded role ${role.roleName} allows at most ${sessionLength(role.maxSessionDuration)})` : '';
  return `${range}${limit}.${inherited ? ` ${inherited}` : ''}`;
}
