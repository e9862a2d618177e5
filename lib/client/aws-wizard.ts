import type { TAwsProvider, TAwsRole } from '@/lib/schemas/aws';

// Where the wizard is, from the URL (`?step=role&roleId=…`, ids only — never a secret) and the
// records on the server: a reload lands on the same step with the same provider and role, and
// without a step the wizard opens where the records say the work stands.

export const STEPS = ['provider', 'role', 'credential', 'verify'] as const;
export type Step = (typeof STEPS)[number];
export const NEW = 'new';

export interface WizardParams {
  step?: string | undefined;
  providerId?: string | undefined;
  roleId?: string | undefined;
  /** `yourself`: open on "I'll do it myself" (after recording without applying). */
  way?: string | undefined;
}

export interface WizardLocation {
  step: Step;
  /** The provider shown: a record, 'new' (the form), or null when the id names none. */
  provider: TAwsProvider | typeof NEW | null;
  role: TAwsRole | typeof NEW | null;
  /** The URL named a record that does not exist (deleted, or another organization's). */
  missing: 'provider' | 'role' | null;
}

const isStep = (value: string | undefined): value is Step => (STEPS as readonly string[]).includes(value ?? '');

/**
 * The record exists in AWS as far as Trustbridge knows: applied (perhaps edited since), and neither
 * deleted there through Trustbridge nor found gone by a verification since.
 */
export function isInAws(record: Pick<TAwsProvider, 'status' | 'lastApply' | 'lastVerification'>): boolean {
  const gone = record.lastVerification?.differences.some((d) => (d.path === 'provider' || d.path === 'role') && d.aws === null) ?? false;
  if (record.status === 'applied' || record.status === 'in_sync') return true;
  if (gone) return false;
  if (record.status === 'drifted') return true;
  return record.lastApply?.operation === 'apply' && record.lastApply.ok;
}

/** The wizard's provider or role step is done: in AWS, with no change of the record waiting to be applied. */
export function isStepDone(record: Pick<TAwsProvider, 'status' | 'lastApply' | 'lastVerification'>): boolean {
  return record.status !== 'recorded' && isInAws(record);
}

function pick<T extends { id: string }>(items: readonly T[], id: string | undefined, fallback: () => T | undefined): T | typeof NEW | null {
  if (id === NEW) return NEW;
  if (id) return items.find((i) => i.id === id) ?? null;
  return fallback() ?? NEW;
}

export function locate(params: WizardParams, providers: readonly TAwsProvider[], roles: readonly TAwsRole[]): WizardLocation {
  const role = pick(roles, params.roleId, () => {
    const providerAccount = providers.find((p) => p.id === params.providerId)?.accountId;
    return roles.find((r) => r.accountId === providerAccount) ?? roles[0];
  });
  const roleAccount = role && role !== NEW ? role.accountId : undefined;
  const provider = pick(providers, params.providerId, () => providers.find((p) => p.accountId === roleAccount) ?? providers[0]);
  const missing = provider === null ? 'provider' : role === null ? 'role' : null;
  return { step: isStep(params.step) ? params.step : nextStep(provider, role), provider, role, missing };
}

/** Where the work stands: the first of provider and role not in AWS yet, else verify. */
function nextStep(provider: TAwsProvider | typeof NEW | null, role: TAwsRole | typeof NEW | null): Step {
  if (!provider || provider === NEW || !isStepDone(provider)) return 'provider';
  if (!role || role === NEW || !isStepDone(role)) return 'role';
  return 'verify';
}

/** The wizard's URL for a step with a provider and a role (ids or 'new'). */
export function wizardHref(orgId: string, to: { step: Step; providerId?: string | null | undefined; roleId?: string | null | undefined; way?: 'yourself' | undefined }): string {
  const query = new URLSearchParams({ step: to.step });
  if (to.providerId) query.set('providerId', to.providerId);
  if (to.roleId) query.set('roleId', to.roleId);
  if (to.way) query.set('way', to.way);
  return `/orgs/${orgId}/aws?${query.toString()}`;
}
