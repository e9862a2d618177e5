import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test as base, errors, expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';

// Every test fails on a console error, an uncaught page error, a CSP violation or a 5xx answer on
// any page of any browser context it opens: a finished product has none. Chromium logs every
// 4xx fetch as "Failed to load resource: … status of N"; a test that provokes one on purpose
// (a wrong password, a version conflict) declares that status with `guard.allowHttpError(N)`.

export interface Guard {
  /** The test provokes this HTTP status on purpose (e.g. 401 for a wrong password). */
  allowHttpError(status: number): void;
  /** Watch a context the test made itself (browser.newContext()). The default context is watched. */
  watch(context: BrowserContext): Promise<BrowserContext>;
  /** A fresh, watched browser context: new cookies, as another person on another machine. */
  newContext(): Promise<BrowserContext>;
  /** The problems seen so far, which are then forgotten (for the guard's own test). */
  drain(): string[];
}

const FAILED_RESOURCE = /^Failed to load resource: the server responded with a status of (\d{3})/;

export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ context, browser }, use) => {
      const problems: string[] = [];
      const allowed = new Set<number>();
      const opened: BrowserContext[] = [];
      const watch = async (ctx: BrowserContext) => {
        // Make every CSP violation loud even where Chromium would only warn (report-only, eval).
        await ctx.addInitScript(() => {
          document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} on ${e.documentURI}`));
        });
        ctx.on('console', (message) => {
          if (message.type() !== 'error') return;
          const status = FAILED_RESOURCE.exec(message.text())?.[1];
          if (status && allowed.has(Number(status))) return;
          problems.push(`console error on ${message.page()?.url() ?? '?'}: ${message.text()} (${message.location().url})`);
        });
        ctx.on('weberror', (error) => problems.push(`uncaught error on ${error.page()?.url() ?? '?'}: ${error.error().message}`));
        ctx.on('response', (response) => {
          if (response.status() >= 500) problems.push(`HTTP ${response.status()} from ${response.request().method()} ${response.url()}`);
        });
        return ctx;
      };
      await watch(context);
      await use({
        allowHttpError: (status) => void allowed.add(status),
        watch,
        newContext: async () => {
          const ctx = await watch(await browser.newContext());
          opened.push(ctx);
          return ctx;
        },
        drain: () => problems.splice(0),
      });
      for (const ctx of opened) await ctx.close();
      expect(problems, 'console errors, uncaught errors, CSP violations or 5xx answers on the pages visited').toEqual([]);
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

export interface Seeded {
  orgId: string;
  projectId: string;
  envId: string;
  base: string;
}

/** An organization with one project and one environment, made through the API as the admin. */
export async function seedOrganization(page: Page, name: string, env: { name: string; slug: string; stage: string } = { name: 'Production', slug: 'production', stage: 'production' }): Promise<Seeded> {
  await signInAsAdmin(page);
  const org = await apiPost(page.request, '/api/v1/orgs', { name, slug: unique(name.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 20)) });
  const project = await apiPost(page.request, `/api/v1/orgs/${String(org.id)}/projects`, { name: 'Web Shop', slug: 'web-shop' });
  const created = await apiPost(page.request, `/api/v1/orgs/${String(org.id)}/environments`, { projectId: project.id, ...env });
  return { orgId: String(org.id), projectId: String(project.id), envId: String(created.id), base: `${MAIN_URL()}/orgs/${String(org.id)}` };
}

/** A member of the organization (invited by the admin signed in on `page`) on a page of a fresh, watched context. */
export async function openAsMember(page: Page, guard: Guard, orgId: string): Promise<Page> {
  const invited = await apiPost(page.request, `/api/v1/orgs/${orgId}/members`, { email: `member-${Date.now()}@example.com`, role: 'member' });
  const context = await guard.newContext();
  const accepted = await context.request.post(`${MAIN_URL()}/api/v1/invitations/accept`, { headers: { Origin: MAIN_URL() }, data: { token: String(invited.inviteUrl).split('#')[1], name: 'Mia Member', password: 'a-long-member-password' } });
  expect(accepted.status()).toBe(201);
  return context.newPage();
}

export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/** A full-page screenshot for people to look at; also fails on horizontal overflow (a layout bug). */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  const file = path.join(SCREENSHOTS, `${name}.png`);
  // Headless Chromium has, rarely (twice in ~40 runs of the AWS journeys here, never on the same
  // step), never answered a full-page capture — with every request of the page finished and the
  // page idle — until the test timed out. A capture gets 30 s; a stuck one is asked for once more.
  try {
    await page.screenshot({ path: file, fullPage: true, timeout: 30_000 });
  } catch (error) {
    if (!(error instanceof errors.TimeoutError)) throw error;
    await page.screenshot({ path: file, fullPage: true, timeout: 30_000 });
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name}: the page is wider than the viewport`).toBeLessThanOrEqual(0);
}
