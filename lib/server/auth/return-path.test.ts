import { describe, expect, it } from 'vitest';
import { returnPath } from './page-access';

describe('returnPath (where sign-in sends you back to)', () => {
  it('is the page the browser asked for, with its query, without Next’s _rsc parameter', () => {
    expect(returnPath('/orgs/a/environments/b', '/orgs/a')).toBe('/orgs/a/environments/b');
    expect(returnPath('/orgs/a/audit?action=org.&_rsc=1x2y', '/orgs/a')).toBe('/orgs/a/audit?action=org.');
    expect(returnPath('/orgs/a?_rsc=abc', '/orgs/a')).toBe('/orgs/a');
  });

  it('falls back to the guard’s own path when the request path is missing or not a same-site path', () => {
    for (const bad of [null, '', 'https://evil.example/x', '//evil.example/x', '/\\evil.example', 'orgs/a']) expect(returnPath(bad, '/orgs/a'), String(bad)).toBe('/orgs/a');
  });
});
