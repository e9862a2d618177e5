import { expect, required, test } from '../support/test';

// What a person does on a brand-new installation: first-run setup with the code from the server
// log, an organization, a project, an environment, a token (shown once), revoking it, inviting a
// member who joins through the one-time link and sees a read-only view.

test('a new user sets up an organization with a project, an environment and a token, and invites a member', async ({ page, browser, playwright }) => {
  const base = required('TRUSTBRIDGE_E2E_FRESH_URL');
  await page.goto(`${base}/`);
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel('Setup code').fill(required('TRUSTBRIDGE_E2E_SETUP_CODE').toLowerCase());
  await page.getByLabel('Your name').fill('Ada Lovelace');
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
  await page.getByLabel('Confirm password').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page).toHaveURL(/\/orgs\/new$/);
  await page.getByLabel('Organization name').fill('Acme Platform');
  await expect(page.getByLabel('Slug')).toHaveValue('acme-platform');
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page).toHaveURL(/\/orgs\/[0-9a-z]{26}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Acme Platform' })).toBeVisible();
  const orgUrl = page.url();
  const orgId = orgUrl.split('/').pop() ?? '';
  await expect(page.getByLabel('Issuer URL')).toHaveText(`${base}/oidc/${orgId}`);

  await page.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Environments' }).click();
  await expect(page.getByText('No projects yet')).toBeVisible();
  await page.getByRole('button', { name: 'Create your first project' }).click();
  await page.getByLabel('Project name').fill('Web Shop');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByRole('button', { name: 'Add environment to Web Shop' }).click();
  await page.getByLabel('Environment name').fill('Production');
  await page.getByLabel('Stage').selectOption('production');
  await page.getByRole('button', { name: 'Create environment' }).click();
  await expect(page).toHaveURL(/\/environments\/[0-9a-z]{26}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Production' })).toBeVisible();
  await expect(page.getByLabel('Subject')).toHaveText(`org:${orgId}:project:web-shop:environment:production`);

  await page.getByRole('button', { name: 'New token' }).click();
  await page.getByLabel('Token name').fill('GitHub Actions');
  await page.getByRole('button', { name: 'Create token' }).click();
  const tokenField = page.getByLabel('Environment token');
  await expect(tokenField).toHaveText(/^tbe_[A-Za-z0-9_-]{43}$/);
  const token = (await tokenField.textContent()) ?? '';
  await page.getByRole('button', { name: 'I have copied the token' }).click();
  const row = page.getByRole('row', { name: /GitHub Actions/ });
  await expect(row).toContainText(token.slice(0, 12));
  await expect(row).not.toContainText(token);
  await expect(row).toContainText('active');

  // The token works against the issuer before it is revoked (a workload: no browser cookies)…
  const workload = await playwright.request.newContext();
  const issued = await workload.post(`${base}/api/v1/idp/token`, { headers: { Authorization: `Bearer ${token}` } });
  expect(issued.status()).toBe(200);
  await page.getByRole('button', { name: 'Revoke token GitHub Actions' }).click();
  await page.getByRole('button', { name: 'Revoke token', exact: true }).click();
  await expect(row).toContainText('revoked');
  // …and not after (within the 2 s cache bound).
  await expect.poll(async () => (await workload.post(`${base}/api/v1/idp/token`, { headers: { Authorization: `Bearer ${token}` } })).status(), { timeout: 5_000 }).toBe(401);
  await workload.dispose();

  await page.goto(`${orgUrl}/settings`);
  await page.getByRole('button', { name: 'Add member' }).click();
  await page.getByLabel('Email').fill('grace@example.com');
  await page.getByLabel('Role', { exact: true }).selectOption('member');
  await page.getByRole('button', { name: 'Add member' }).last().click();
  const inviteUrl = (await page.getByLabel('Invitation link').textContent()) ?? '';
  expect(inviteUrl).toMatch(new RegExp(`^${base.replace(/[.:/]/g, '\\$&')}/invite#tbi_`));
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('Pending invitations')).toBeVisible();

  const guest = await browser.newContext();
  const member = await guest.newPage();
  await member.goto(inviteUrl);
  await expect(member.getByRole('heading', { name: 'Join Acme Platform' })).toBeVisible();
  expect(member.url()).not.toContain('tbi_');
  await member.getByLabel('Your name').fill('Grace Hopper');
  await member.getByLabel('Password', { exact: true }).fill('another long password');
  await member.getByLabel('Confirm password').fill('another long password');
  await member.getByRole('button', { name: 'Create account and join' }).click();
  await expect(member).toHaveURL(orgUrl);
  await member.goto(`${orgUrl}/environments`);
  await expect(member.getByRole('link', { name: 'Production' })).toBeVisible();
  await expect(member.getByRole('button', { name: 'New project' })).toHaveCount(0);
  await member.getByRole('link', { name: 'Production' }).click();
  await expect(member.getByRole('button', { name: 'New token' })).toHaveCount(0);
  await member.goto(`${orgUrl}/audit`);
  await expect(member.getByText('Only owners and admins can read the audit log')).toBeVisible();
  await guest.close();

  await page.goto(`${orgUrl}/audit`);
  for (const action of ['member.invite_accept', 'environment_token.revoke', 'environment_token.create', 'environment.create', 'project.create', 'organization.create']) {
    await expect(page.getByText(action, { exact: true }).first()).toBeVisible();
  }
});
