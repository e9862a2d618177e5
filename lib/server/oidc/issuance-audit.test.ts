import { describe, expect, it } from 'vitest';
import { newId } from '../security/ids';
import { issuanceRows, type Issuance } from './issuance-audit';

const issuance = (jti: string, issuedAtSeconds: number): Issuance => ({
  orgId: 'org1',
  environmentId: 'env1',
  environmentLabel: 'web/prod',
  tokenId: 'tok1',
  jti,
  audience: 'sts.amazonaws.com',
  kid: 'kid1',
  issuedAt: new Date(issuedAtSeconds * 1000),
  expiresAt: new Date((issuedAtSeconds + 600) * 1000),
  requestId: 'req1',
  ipAddress: '127.0.0.1',
});

// The first 10 characters of an id encode its millisecond (lib/server/security/ids.ts).
const timePart = (id: string) => id.slice(0, 10);

describe('issuance audit rows', () => {
  it('records the token as target, the environment as actor, and audience, kid, token and expiry', () => {
    const [row] = issuanceRows([issuance('jti-1', 1_800_000_000)], 1_800_000_000_250);
    expect(row).toMatchObject({ orgId: 'org1', actorType: 'environment', actorId: 'env1', actorLabel: 'web/prod', action: 'id_token.issue', targetType: 'id_token', targetLabel: 'jti-1', requestId: 'req1', ipAddress: '127.0.0.1' });
    expect(row?.createdAt.toISOString()).toBe('2027-01-15T08:00:00.000Z');
    expect(JSON.parse(row?.after ?? '')).toEqual({ audience: 'sts.amazonaws.com', kid: 'kid1', environmentTokenId: 'tok1', expiresAt: '2027-01-15T08:10:00.000Z' });
  });

  it('gives ids the millisecond of the write, not the whole second of issuedAt', () => {
    const written = 1_800_000_000_731;
    const rows = issuanceRows([issuance('a', 1_800_000_000), issuance('b', 1_800_000_000)], written);
    for (const row of rows) expect(timePart(row.id)).toBe(timePart(newId(written)));
    expect(timePart(rows[0]?.id ?? '')).not.toBe(timePart(newId(1_800_000_000_000)));
    expect(new Set(rows.map((r) => r.id)).size).toBe(2);
  });

  it('orders a later batch of the same second after an earlier one (rows append at the index edge)', () => {
    const first = issuanceRows([issuance('a', 1_800_000_000), issuance('b', 1_800_000_000)], 1_800_000_000_100);
    const second = issuanceRows([issuance('c', 1_800_000_000)], 1_800_000_000_101);
    const latestFirst = [...first.map((r) => r.id)].sort().at(-1) ?? '';
    expect((second[0]?.id ?? '') > latestFirst).toBe(true);
  });
});
