import { describe, expect, it } from 'vitest';
import { activeKey, keyStatuses, nextTransition, RETIRED_KEY_RETENTION_MS, scheduledRotation, type KeyTimes } from './key-lifecycle';

// Frozen clock; every state is derived from timestamps alone, so every replica agrees.
const NOW = new Date('2026-11-23T12:00:00Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const H = 3_600_000;
const D = 24 * H;
const key = (id: string, activatesAt: Date, removedAt: Date | null = null): KeyTimes => ({ id, activatesAt, removedAt });

describe('keyStatuses', () => {
  it('one key that activated in the past is active and published', () => {
    const [s] = keyStatuses([key('a', at(-D))], NOW);
    expect(s).toMatchObject({ state: 'active', published: true, retiredAt: null });
  });

  it('a key that activates later is next: published, not signing', () => {
    const statuses = keyStatuses([key('a', at(-D)), key('b', at(H))], NOW);
    expect(statuses.map((s) => s.state)).toEqual(['active', 'next']);
    expect(statuses[0]?.retiredAt).toEqual(at(H));
    expect(statuses[1]?.published).toBe(true);
  });

  it('after the successor activates the old key is retired and stays published for the retention', () => {
    const statuses = keyStatuses([key('a', at(-D)), key('b', at(-H))], NOW);
    expect(statuses.map((s) => s.state)).toEqual(['retired', 'active']);
    expect(statuses[0]).toMatchObject({ retiredAt: at(-H), publishedUntil: new Date(at(-H).getTime() + RETIRED_KEY_RETENTION_MS), published: true });
  });

  it('a retired key leaves the JWKS when its retention has passed', () => {
    const [old] = keyStatuses([key('a', at(-10 * D)), key('b', at(-RETIRED_KEY_RETENTION_MS - 1))], NOW);
    expect(old).toMatchObject({ state: 'retired', published: false });
  });

  it('removed keys are never published, never active', () => {
    const statuses = keyStatuses([key('a', at(-D), at(-1)), key('b', at(-2 * D))], NOW);
    expect(statuses[0]).toMatchObject({ state: 'removed', published: false });
    expect(statuses[1]?.state).toBe('active');
  });

  it('exactly one active key, ties broken by id (the same on every replica)', () => {
    const same = at(-H);
    const statuses = keyStatuses([key('b', same), key('a', same)], NOW);
    expect(statuses.filter((s) => s.state === 'active').map((s) => s.key.id)).toEqual(['b']);
    expect(activeKey([key('a', same), key('b', same)], NOW)?.id).toBe('b');
  });

  it('no key has activated yet → no active key', () => {
    expect(activeKey([key('a', at(H))], NOW)).toBeNull();
  });
});

describe('nextTransition', () => {
  it('is the next activation or the end of a retention, whichever comes first', () => {
    expect(nextTransition([key('a', at(-D)), key('b', at(H))], NOW)).toEqual(at(H));
    const retiredAt = at(-H);
    expect(nextTransition([key('a', at(-D)), key('b', retiredAt)], NOW)).toEqual(new Date(retiredAt.getTime() + RETIRED_KEY_RETENTION_MS));
    expect(nextTransition([key('a', at(-D))], NOW)).toBeNull();
  });
});

describe('scheduledRotation', () => {
  const period = 90 * D;
  const lead = 24 * H;
  it('creates the next key `lead` before the active key has signed for `period`', () => {
    const activated = at(-80 * D);
    expect(scheduledRotation([key('a', activated)], NOW, period, lead)).toEqual({ createAt: new Date(activated.getTime() + period - lead), activatesAt: new Date(activated.getTime() + period) });
  });

  it('when the schedule was missed, the new key still gets the full lead time', () => {
    const activated = at(-100 * D);
    const plan = scheduledRotation([key('a', activated)], NOW, period, lead);
    expect(plan?.activatesAt).toEqual(at(lead));
  });

  it('nothing to schedule while a next key exists', () => {
    expect(scheduledRotation([key('a', at(-100 * D)), key('b', at(H))], NOW, period, lead)).toBeNull();
  });

  it('no active key at all → a key now, signing at once', () => {
    expect(scheduledRotation([key('a', at(-D), at(-1))], NOW, period, lead)).toEqual({ createAt: NOW, activatesAt: NOW });
  });
});
