// Every action the audit log records, by family (`<family>.<verb>`). This is the one list:
// - the server can record only these (`AuditEntry.action` is an `AuditAction`, and
//   actions.test.ts fails when a string literal recorded anywhere in lib/server is missing here);
// - the audit log's Action filter is derived from it, so a new family shows up there by itself.
// The AWS wizard, credentials, overrides and inspector families are listed ahead of their code.

export const AUDIT_FAMILIES = {
  organization: { label: 'Organization', verbs: ['create', 'update'] },
  member: { label: 'Members and invitations', verbs: ['add', 'invite', 'invite_accept', 'invite_revoke', 'role_change', 'remove', 'leave'] },
  project: { label: 'Projects', verbs: ['create', 'update', 'delete'] },
  environment: { label: 'Environments', verbs: ['create', 'update', 'delete'] },
  environment_token: { label: 'Environment tokens', verbs: ['create', 'revoke'] },
  issuer: { label: 'Issuer settings', verbs: ['update'] },
  signing_key: { label: 'Signing keys', verbs: ['schedule', 'rotate', 'revoke', 'remove'] },
  id_token: { label: 'ID tokens', verbs: ['issue', 'mint'] },
  trust_policy: { label: 'Trust policies', verbs: ['create', 'update', 'delete'] },
  aws_provider: { label: 'AWS providers', verbs: ['create', 'update', 'delete', 'apply', 'verify', 'adopt', 'delete_in_aws'] },
  aws_role: { label: 'AWS roles', verbs: ['create', 'update', 'delete', 'apply', 'verify', 'adopt', 'delete_in_aws'] },
  credential: { label: 'Deployment credentials', verbs: ['create', 'update', 'delete'] },
  environment_override: { label: 'Environment overrides', verbs: ['set', 'delete'] },
  connection: { label: 'Connection tests', verbs: ['test'] },
} as const;

type Families = typeof AUDIT_FAMILIES;
export type AuditFamily = keyof Families;
export type AuditAction = { [F in AuditFamily]: `${F}.${Families[F]['verbs'][number]}` }[AuditFamily];

const families = Object.entries(AUDIT_FAMILIES) as [AuditFamily, Families[AuditFamily]][];

export const AUDIT_ACTIONS: readonly AuditAction[] = families.flatMap(([family, { verbs }]) => verbs.map((verb) => `${family}.${verb}` as AuditAction));

/** The Action filter of the audit log: one choice per family; the API filters by prefix. */
export const AUDIT_ACTION_FILTERS: readonly { value: string; label: string }[] = [{ value: '', label: 'All actions' }, ...families.map(([family, { label }]) => ({ value: `${family}.`, label }))];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
