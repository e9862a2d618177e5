import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './errors';

// What the token endpoint (and every API route) answers 503 for instead of 500.
function pgError(code: string, message: string) {
  return Object.assign(new Error(message), { name: 'error', code, severity: 'FATAL' });
}

describe('isDatabaseUnavailable', () => {
  it('recognizes a dropped or missing PostgreSQL database, an admin shutdown and connection failures (pg errors, by SQLSTATE)', () => {
    expect(isDatabaseUnavailable(pgError('3D000', 'database "doomed" does not exist'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('57P04', 'database dropped'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('08006', 'connection failure'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('53300', 'sorry, too many clients already'))).toBe(true);
  });

  it('recognizes the same conditions wrapped by Prisma (known codes, or the driver error in meta)', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('Database `doomed` does not exist on the database server'), { code: 'P1003' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('Raw query failed. Code: `3D000`.'), { code: 'P2010', meta: { code: '3D000' } }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: 'P2010', meta: { driverAdapterError: { cause: { originalCode: '57P01', kind: 'postgres' } } } }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {}))).toBe(true);
  });

  it('does not turn query errors into 503s', () => {
    expect(isDatabaseUnavailable(pgError('23505', 'duplicate key value violates unique constraint'))).toBe(false);
    expect(isDatabaseUnavailable(pgError('42P01', 'relation "x" does not exist'))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('Unique constraint failed'), { code: 'P2002', meta: { driverAdapterError: { cause: { originalCode: '23505' } } } }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
  });
});
