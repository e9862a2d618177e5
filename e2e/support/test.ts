import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';

// Every test fails on a console error, an uncaught page error or a CSP violation on any page it
// visits: a finished product has none.
export const test = base.extend<{ consoleProblems: string[] }>({
  consoleProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        // Chromium logs every 4xx/5xx fetch as "Failed to load resource"; the tests assert those
        // answers themselves. Everything else (script errors, CSP violations) is a failure.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      await use(problems);
      expect(problems, 'console errors or CSP violations on the pages visited').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export const MAIN_URL = () => required('TRUSTBRIDGE_E2E_URL');
export const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run through playwright.config.ts's global setup)`);
  return value;
};

export const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;

/** Signs in through the API (sets the session cookie in the page's context). */
export async function signInAsAdmin(page: Page): Promise<void> {
  const base = MAIN_URL();
  const response = await page.request.post(`${base}/api/v1/auth/login`, {
    headers: { Origin: base },
    data: { email: required('TRUSTBRIDGE_E2E_ADMIN_EMAIL'), password: required('TRUSTBRIDGE_E2E_ADMIN_PASSWORD') },
  });
  expect(response.status()).toBe(200);
}

/** JSON API call with the page's cookies and the app's Origin. */
export async function apiPost(request: APIRequestContext, path: string, data: unknown): Promise<Record<string, unknown>> {
  const base = MAIN_URL();
  const response = await request.post(`${base}${path}`, { headers: { Origin: base }, data });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}
