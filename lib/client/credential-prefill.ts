import { ZDurationSeconds, ZRoleArn } from '@/lib/schemas/aws';

// The new-credential form opened from a link (the AWS setup wizard's last step):
//   /orgs/{orgId}/credentials?new=1&roleArn=<url-encoded ARN>&durationSeconds=<n>
// The values are not secrets, but they come from a URL anyone can craft: each is checked with the
// form's own rules, used only when valid, and otherwise named (never echoed) in a note.

export interface CredentialPrefill {
  roleArn: string;
  durationSeconds: string;
  /** What the link carried that the form did not take, and why. */
  ignored: string[];
}

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** null unless the link asks for the form (`new=1`). */
export function credentialPrefill(params: SearchParams): CredentialPrefill | null {
  if (first(params.new) !== '1') return null;
  const prefill: CredentialPrefill = { roleArn: '', durationSeconds: '', ignored: [] };
  const roleArn = first(params.roleArn);
  if (roleArn !== undefined && roleArn.trim() !== '') {
    const parsed = ZRoleArn.safeParse(roleArn);
    if (parsed.success) prefill.roleArn = parsed.data;
    else prefill.ignored.push(`The role ARN in the link is not an IAM role ARN (${parsed.error.issues[0]?.message ?? 'invalid'}).`);
  }
  const duration = first(params.durationSeconds);
  if (duration !== undefined && duration.trim() !== '') {
    const parsed = /^\d{1,6}$/.test(duration.trim()) ? ZDurationSeconds.safeParse(Number(duration.trim())) : null;
    if (parsed?.success) prefill.durationSeconds = String(parsed.data);
    else prefill.ignored.push(`The session duration in the link is not usable: ${parsed?.error.issues[0]?.message ?? 'it must be a whole number of seconds.'}`);
  }
  return prefill;
}
