import { describe, expect, inject, it } from 'vitest';
import { TestClient } from '../support/http-client';

const server = inject('server');

describe('GET /api/health', () => {
  it('answers {"status":"ok"} while the database answers', async () => {
    const client = new TestClient(server.url, server.publicUrl);
    const result = await client.get('/api/health');
    expect(result.status).toBe(200);
    expect(result.json).toEqual({ status: 'ok' });
    expect(result.headers['cache-control']).toBe('no-store');
  });
});
