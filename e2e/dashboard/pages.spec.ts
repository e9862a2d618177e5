import { expectTablesFit } from '../support/layout';
import { apiPost, expect, seedOrganization, snap, test } from '../support/test';

// Every page of the dashboard as an admin with some data: it renders its heading, the sidebar
// marks where you are, nothing overflows, and a full-page screenshot is kept for people to read.

const PAGES: [path: string, nav: string, heading: string | RegExp][] = [
  ['', 'Overview', 'Tour Org'],
  ['/environments', 'Environments', 'Environments'],
  ['/aws', 'AWS setup', 'AWS setup'],
  ['/trust-policies', 'Trust policies', 'Trust policies'],
  ['/credentials', 'Credentials', 'Deployment credentials'],
  ['/inspector', 'Inspector', 'Claim inspector'],
  ['/audit', 'Audit log', 'Audit log'],
  ['/settings', 'Settings', 'Settings'],
  ['/settings/issuer', 'Settings', 'Settings'],
  ['/settings/keys', 'Settings', 'Settings'],
];

test('every dashboard page renders for an admin, on a desktop and on a phone', async ({ page }) => {
  const { orgId, projectId, envId, base } = await seedOrganization(page, 'Tour Org');
  await apiPost(page.request, `/api/v1/orgs/${orgId}/environments`, { projectId, name: 'Staging', slug: 'staging', stage: 'staging' });
  await apiPost(page.request, `/api/v1/orgs/${orgId}/environments/${envId}/tokens`, { name: 'Deploy pipeline' });
  await apiPost(page.request, `/api/v1/orgs/${orgId}/members`, { email: 'new.person@example.com', role: 'admin' });
  await apiPost(page.request, `/api/v1/orgs/${orgId}/trust-policies`, {
    name: 'deploy-production',
    policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/example.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }] },
  });

  for (const [path, nav, heading] of PAGES) {
    await page.goto(`${base}${path}`);
    await expect(page.getByRole('heading', { level: 1, name: heading }), path).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: nav })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByText(/Loading/)).toHaveCount(0);
    await snap(page, `40-desktop${path.replace(/\//g, '-') || '-overview'}`);
  }
  await page.goto(`${base}/environments/${envId}`);
  await expect(page.getByRole('row', { name: /Deploy pipeline/ })).toBeVisible();
  await snap(page, '40-desktop-environment-detail');

  await page.setViewportSize({ width: 390, height: 844 });
  // Every table shows all of its columns on a phone (issue 12: the token table hid Created and Revoke).
  for (const [path, name] of [
    ['', 'overview'],
    ['/environments', 'environments'],
    [`/environments/${envId}`, 'environment-detail'],
    ['/settings', 'settings'],
    ['/settings/issuer', 'settings-issuer'],
    ['/settings/keys', 'settings-keys'],
    ['/trust-policies', 'trust-policies'],
    ['/aws', 'aws'],
    ['/credentials', 'credentials'],
    ['/inspector', 'inspector'],
    ['/audit', 'audit'],
  ] as const) {
    await page.goto(`${base}${path}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText(/Loading/)).toHaveCount(0);
    await snap(page, `41-phone-${name}`);
    await expectTablesFit(page, path || '/');
  }
  // An audit event's before/after snapshot opens inside the table: it wraps instead of widening it.
  await page.getByRole('button', { name: 'Details' }).first().click();
  await expect(page.getByText('Before', { exact: true }).or(page.getByText('After', { exact: true })).first()).toBeVisible();
  await snap(page, '41-phone-audit-details');
  await expectTablesFit(page, '/audit with details');
  // On a phone the sidebar is behind the menu button.
  const nav = page.getByRole('navigation', { name: 'Organization' });
  await expect(nav).toBeHidden();
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(nav).toBeVisible();
  await snap(page, '41-phone-menu-open');
  await nav.getByRole('link', { name: 'Environments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Environments' })).toBeVisible();
  await expect(nav).toBeHidden();
});
