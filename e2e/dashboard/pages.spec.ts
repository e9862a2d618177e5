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
  for (const [path, name] of [['', 'overview'], ['/environments', 'environments'], [`/environments/${envId}`, 'environment-detail'], ['/settings', 'settings'], ['/audit', 'audit']] as const) {
    await page.goto(`${base}${path}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText(/Loading/)).toHaveCount(0);
    await snap(page, `41-phone-${name}`);
  }
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
