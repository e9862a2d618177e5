import type { Page } from '@playwright/test';
import { apiPost, expect, MAIN_URL, seedOrganization, snap, test } from '../support/test';

// Issue 12.6: the audit log's Action filter covers every kind of action the log holds (it is derived
// from the one list of audit actions), and a From date after the To date is refused with a message.

/** The Action column of the log's table (innerText: on a desktop the phone-only details are hidden). */
const actionCells = (page: Page) => page.getByRole('table').locator('tbody > tr > td:nth-child(2)');

const FAMILIES = ['Organization', 'Members and invitations', 'Projects', 'Environments', 'Environment tokens', 'Issuer settings', 'Signing keys', 'ID tokens', 'Trust policies', 'AWS providers', 'AWS roles', 'Deployment credentials', 'Environment overrides', 'Connection tests'];

test('the Action filter offers every family of action in the log, and each one filters', async ({ page }) => {
  const { orgId, envId, base } = await seedOrganization(page, 'Audit Families Org');
  const created = await apiPost(page.request, `/api/v1/orgs/${orgId}/environments/${envId}/tokens`, { name: 'ci' });
  const minted = await page.request.post(`${MAIN_URL()}/api/v1/idp/token`, { headers: { Authorization: `Bearer ${String(created.token)}` } });
  expect(minted.status()).toBe(200);
  await apiPost(page.request, `/api/v1/orgs/${orgId}/issuer/keys/rotate`, { leadHours: 24 });
  await apiPost(page.request, `/api/v1/orgs/${orgId}/trust-policies`, {
    name: 'deploy',
    policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/example.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }] },
  });

  await page.goto(`${base}/audit`);
  const action = page.getByLabel('Action');
  const options = await action.locator('option').evaluateAll((list) => list.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' })));
  expect(options.map((o) => o.label)).toEqual(['All actions', ...FAMILIES]);
  // Every action in the log falls under one of the offered families. The table renders after the
  // page's first paint (and the issuance row is group-committed), so wait for the rows to arrive.
  const expected = new Set(['organization.create', 'project.create', 'environment.create', 'environment_token.create', 'id_token.issue', 'signing_key.rotate', 'trust_policy.create']);
  const actionsShown = async () => (await actionCells(page).allInnerTexts()).map((a) => a.trim());
  await expect.poll(async () => new Set(await actionsShown())).toEqual(expected);
  const shown = await actionsShown();
  for (const a of shown) expect(options.some((o) => o.value !== '' && a.startsWith(o.value)), a).toBe(true);

  for (const [label, only] of [['Trust policies', 'trust_policy.create'], ['ID tokens', 'id_token.issue'], ['Signing keys', 'signing_key.rotate']] as const) {
    await action.selectOption({ label });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(actionCells(page)).toHaveText([only], { useInnerText: true });
  }
  await snap(page, '63-audit-filtered');
});

test('a From date after the To date is refused with a message, and nothing is filtered', async ({ page }) => {
  const { base } = await seedOrganization(page, 'Audit Dates Org');
  await page.goto(`${base}/audit`);
  await expect(actionCells(page).first()).toBeVisible();
  const before = await actionCells(page).count();
  await page.getByLabel('From', { exact: true }).fill('2026-03-10');
  await page.getByLabel('To', { exact: true }).fill('2026-03-01');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  const to = page.getByLabel('To', { exact: true });
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(to).toHaveAccessibleDescription('The To date must be on or after the From date.');
  await expect(actionCells(page)).toHaveCount(before);
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, '64-audit-dates-refused-phone');
  await page.setViewportSize({ width: 1280, height: 860 });
  await to.fill('2026-03-10');
  await expect(to).not.toHaveAttribute('aria-invalid');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByRole('heading', { name: 'No events match these filters' })).toBeVisible();
});
