import { describe, expect, it } from 'vitest';
import type { TAwsProvider, TAwsRole } from '@/lib/schemas/aws';
import { isInAws, isStepDone, locate, NEW, wizardHref } from './aws-wizard';

// The wizard's place comes from the URL (ids only) and the records: a reload lands on the same
// step with the same records, and without a step the wizard opens where the work stands.

const state = { verification: { state: 'never_verified' as const, at: null, differenceCount: 0 }, lastVerification: null, createdAt: '', updatedAt: '', version: 1, partition: 'aws' };
const applied = { at: '2026-01-01T00:00:00.000Z', operation: 'apply' as const, ok: true, message: '', steps: [], extra: {} };
const provider = (id: string, accountId: string, status: TAwsProvider['status'], extra: Partial<TAwsProvider> = {}): TAwsProvider => ({ ...state, id, accountId, arn: `arn:${id}`, status, lastApply: status === 'recorded' ? null : applied, issuerUrl: 'https://x', audiences: [], thumbprints: [], ...extra });
const role = (id: string, accountId: string, status: TAwsRole['status']): TAwsRole => ({ ...state, id, accountId, arn: `arn:${id}`, status, lastApply: status === 'recorded' ? null : applied, roleName: id, path: '/', description: '', maxSessionDuration: 3600, trustPolicy: {}, builder: null, trustPolicyId: null, managedPolicyArns: [] });

describe('locate', () => {
  it('an empty organization starts at the provider step with the new-provider form', () => {
    expect(locate({}, [], [])).toEqual({ step: 'provider', provider: NEW, role: NEW, missing: null });
  });

  it('without a step: the first of provider and role not in AWS yet, else verify', () => {
    const p = provider('p1', '111111111111', 'applied');
    expect(locate({}, [provider('p1', '111111111111', 'recorded')], []).step).toBe('provider');
    expect(locate({}, [p], []).step).toBe('role');
    expect(locate({}, [p], [role('r1', '111111111111', 'recorded')]).step).toBe('role');
    expect(locate({}, [p], [{ ...role('r1', '111111111111', 'recorded'), lastApply: applied }]).step).toBe('role');
    expect(locate({}, [p], [role('r1', '111111111111', 'in_sync')]).step).toBe('verify');
  });

  it('the step and ids of the URL win; an unknown step falls back to where the work stands', () => {
    const p = provider('p1', '111111111111', 'in_sync');
    const r = role('r1', '111111111111', 'in_sync');
    expect(locate({ step: 'credential', providerId: 'p1', roleId: 'r1' }, [p], [r])).toEqual({ step: 'credential', provider: p, role: r, missing: null });
    expect(locate({ step: 'nonsense' }, [p], [r]).step).toBe('verify');
    expect(locate({ step: 'role', roleId: NEW }, [p], [r]).role).toBe(NEW);
  });

  it('without ids the role and provider of the same account go together', () => {
    const p1 = provider('p1', '111111111111', 'in_sync');
    const p2 = provider('p2', '222222222222', 'in_sync');
    const r1 = role('r1', '111111111111', 'in_sync');
    const r2 = role('r2', '222222222222', 'in_sync');
    expect(locate({ providerId: 'p2' }, [p1, p2], [r1, r2]).role).toBe(r2);
    expect(locate({ roleId: 'r2' }, [p1, p2], [r1, r2]).provider).toBe(p2);
  });

  it('an id the records do not have is reported as missing, not replaced', () => {
    expect(locate({ step: 'role', roleId: 'gone' }, [], [role('r1', '111111111111', 'in_sync')])).toMatchObject({ role: null, missing: 'role' });
    expect(locate({ providerId: 'gone' }, [provider('p1', '111111111111', 'in_sync')], [])).toMatchObject({ provider: null, missing: 'provider' });
  });
});

describe('isInAws', () => {
  it('applied, in sync and drifted records exist in AWS; recorded ones do not', () => {
    expect(isInAws(provider('p', '1', 'applied'))).toBe(true);
    expect(isInAws(provider('p', '1', 'in_sync'))).toBe(true);
    expect(isInAws(provider('p', '1', 'drifted', { lastVerification: { at: '', inSync: false, differences: [{ path: 'audiences', ours: [], aws: ['x'], message: '' }] } }))).toBe(true);
    expect(isInAws(provider('p', '1', 'recorded'))).toBe(false);
  });

  it('a verification that found it gone from AWS means not in AWS', () => {
    expect(isInAws(provider('p', '1', 'drifted', { lastVerification: { at: '', inSync: false, differences: [{ path: 'provider', ours: 'arn', aws: null, message: '' }] } }))).toBe(false);
  });

  it('recorded: in AWS when it was applied and edited since, not when it was deleted in AWS or never applied', () => {
    expect(isInAws(provider('p', '1', 'recorded', { lastApply: applied }))).toBe(true);
    expect(isStepDone(provider('p', '1', 'recorded', { lastApply: applied }))).toBe(false);
    expect(isInAws(provider('p', '1', 'recorded', { lastApply: { ...applied, operation: 'delete', result: 'deleted' } }))).toBe(false);
    expect(isInAws(provider('p', '1', 'recorded'))).toBe(false);
  });

  it('failed: in AWS only when the failure was a verification after a successful apply', () => {
    expect(isInAws(provider('p', '1', 'failed', { lastApply: { ...applied, ok: false } }))).toBe(false);
    expect(isInAws(provider('p', '1', 'failed'))).toBe(true);
  });
});

describe('wizardHref', () => {
  it('puts the step and the record ids in the query, nothing else', () => {
    expect(wizardHref('org1', { step: 'role', providerId: 'p1', roleId: 'r1' })).toBe('/orgs/org1/aws?step=role&providerId=p1&roleId=r1');
    expect(wizardHref('org1', { step: 'provider', providerId: null })).toBe('/orgs/org1/aws?step=provider');
  });
});
