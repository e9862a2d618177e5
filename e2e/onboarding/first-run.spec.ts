import { expect, required, snap, test } from '../support/test';

// What people do on a brand-new installation, in order: first-run setup with the code from the
// server log, an organization, a project, an environment, a token (shown once), revoking it,
// inviting a member who joins through the one-time link in another browser and sees a read-only
// view, and who signs out and back in.

const ADA = { name: 'Ada Lovelace', email: 'ada@example.com', password: 'correct horse battery staple' };
const GRACE = { name: 'Grace Hopper', email: 'grace@example.com', password: 'another long password' };

test('a new installation: setup, organization, project, environment, token, invitation, member', async ({ page, guard, playwright }) => {
  const base = required('TRUSTBRIDGE_E2E_FRESH_URL');
  let orgUrl = '';
  let orgId = '';

  await test.step('first-run setup with the code from the server log (a wrong code is refused)', async () => {
    guard.allowHttpError(400);
    await page.goto(`${base}/orgs/new`);
    await expect(page).toHaveURL(`${base}/setup`);
    await expect(page.getByRole('heading', { name: /set up/i })).toBeVisible();
    await snap(page, '01-setup');
    // Several bad fields at once: every one is flagged, the mismatched confirmation too.
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByLabel('Confirm password').fill('different');
    await page.getByRole('button', { name: 'Create account' }).click();
    for (const [label, message] of [['Setup code', 'Enter the setup code from the server log.'], ['Your name', 'Enter a name.'], ['Email', 'Enter a valid email address.'], ['Confirm password', 'The two passwords do not match.']] as const) {
      await expect(page.getByLabel(label, { exact: true }), label).toHaveAccessibleDescription(message);
    }
    await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await snap(page, '01-setup-every-error');
    await page.getByLabel('Setup code').fill('AAAA-BBBB-CCCC');
    await page.getByLabel('Your name').fill(ADA.name);
    await page.getByLabel('Email').fill(ADA.email);
    await page.getByLabel('Password', { exact: true }).fill(ADA.password);
    await page.getByLabel('Confirm password').fill(ADA.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'That setup code is not valid.' })).toBeVisible();
    // Typed back in lowercase with spaces, as a person copying from a terminal might.
    await page.getByLabel('Setup code').fill(required('TRUSTBRIDGE_E2E_SETUP_CODE').toLowerCase().replace(/-/g, ' '));
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page).toHaveURL(`${base}/orgs/new`);
  });

  await test.step('create an organization (the slug follows the name)', async () => {
    await snap(page, '02-new-organization');
    await page.getByLabel('Organization name').fill('Acme Zürich');
    await expect(page.getByLabel('Slug')).toHaveValue('acme-zurich');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await expect(page).toHaveURL(/\/orgs\/[0-9a-z]{26}$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Acme Zürich' })).toBeVisible();
    orgUrl = page.url();
    orgId = orgUrl.split('/').pop() ?? '';
    await expect(page.getByLabel('Issuer URL')).toHaveText(`${base}/oidc/${orgId}`);
    await snap(page, '03-organization-overview-empty');
  });

  await test.step('create a project and a production environment', async () => {
    await page.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Environments' }).click();
    await expect(page.getByText('No projects yet')).toBeVisible();
    await snap(page, '04-environments-empty');
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
  });

  let token = '';
  await test.step('create a token: shown once in the copy dialog, then only its prefix', async () => {
    await page.getByRole('button', { name: 'New token' }).click();
    await page.getByLabel('Token name').fill('GitHub Actions');
    await page.getByRole('button', { name: 'Create token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Copy your token now' });
    const tokenField = dialog.getByLabel('Environment token');
    await expect(tokenField).toHaveText(/^tbe_[A-Za-z0-9_-]{43}$/);
    token = (await tokenField.textContent()) ?? '';
    await expect(dialog.getByRole('button', { name: /copy/i }).first()).toBeVisible();
    await snap(page, '05-token-created-dialog');
    await dialog.getByRole('button', { name: 'I have copied the token' }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole('row', { name: /GitHub Actions/ });
    await expect(row).toContainText(`${token.slice(0, 12)}…`);
    await expect(row).toContainText('active');
    expect(await page.content()).not.toContain(token);
    // Not after a reload either, and a new dialog starts empty.
    await page.reload();
    await expect(page.getByRole('row', { name: /GitHub Actions/ })).toContainText(token.slice(0, 12));
    expect(await page.content()).not.toContain(token.slice(12));
    await page.getByRole('button', { name: 'New token' }).click();
    await expect(page.getByLabel('Token name')).toHaveValue('');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await snap(page, '06-environment-with-token');
  });

  await test.step('revoke the token: its status becomes revoked and workloads are refused', async () => {
    const workload = await playwright.request.newContext();
    const mint = () => workload.post(`${base}/api/v1/idp/token`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await mint()).status()).toBe(200);
    await page.getByRole('button', { name: 'Revoke token GitHub Actions' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke token', exact: true }).click();
    const row = page.getByRole('row', { name: /GitHub Actions/ });
    await expect(row).toContainText('revoked');
    await expect(row.getByRole('button', { name: /Revoke/ })).toHaveCount(0);
    // Revocation reaches every replica's cache within 2 s.
    await expect.poll(async () => (await mint()).status(), { timeout: 5_000 }).toBe(401);
    await workload.dispose();
  });

  let inviteUrl = '';
  await test.step('invite a member: the one-time link is shown once', async () => {
    await page.goto(`${orgUrl}/settings`);
    await page.getByRole('button', { name: 'Add member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a member' });
    await dialog.getByLabel('Email').fill(GRACE.email);
    await dialog.getByLabel('Role', { exact: true }).selectOption('member');
    await dialog.getByRole('button', { name: 'Add member' }).click();
    const created = page.getByRole('dialog', { name: 'Invitation created' });
    inviteUrl = (await created.getByLabel('Invitation link').textContent()) ?? '';
    expect(inviteUrl).toMatch(new RegExp(`^${base.replace(/[.:/]/g, '\\$&')}/invite#tbi_[A-Za-z0-9_-]{43}$`));
    await snap(page, '07-invitation-created');
    await created.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByText('Pending invitations')).toBeVisible();
    await expect(page.getByText(GRACE.email)).toBeVisible();
    expect(await page.content()).not.toContain(inviteUrl.split('#')[1] ?? 'unreachable');
    await snap(page, '08-settings-members');
  });

  await test.step('the invited person joins from another browser (fresh cookies) and sees a read-only view', async () => {
    const guest = await guard.newContext();
    const member = await guest.newPage();
    await member.goto(inviteUrl);
    await expect(member.getByRole('heading', { name: 'Join Acme Zürich' })).toBeVisible();
    expect(member.url()).not.toContain('tbi_');
    await snap(member, '09-accept-invitation');
    await member.getByLabel('Your name').fill(GRACE.name);
    await member.getByLabel('Password', { exact: true }).fill(GRACE.password);
    await member.getByLabel('Confirm password').fill(GRACE.password);
    await member.getByRole('button', { name: 'Create account and join' }).click();
    await expect(member).toHaveURL(orgUrl);

    await member.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Environments' }).click();
    await expect(member.getByRole('link', { name: 'Production' })).toBeVisible();
    await expect(member.getByRole('button', { name: 'New project' })).toHaveCount(0);
    await expect(member.getByRole('button', { name: 'New environment' })).toHaveCount(0);
    await snap(member, '10-member-environments');
    await member.getByRole('link', { name: 'Production' }).click();
    await expect(member.getByRole('heading', { level: 1, name: 'Production' })).toBeVisible();
    await expect(member.getByRole('row', { name: /GitHub Actions/ })).toContainText('revoked');
    await expect(member.getByRole('button', { name: 'New token' })).toHaveCount(0);
    await expect(member.getByRole('button', { name: 'Edit' })).toHaveCount(0);
    await expect(member.getByRole('button', { name: /Revoke/ })).toHaveCount(0);

    await member.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Audit log' }).click();
    await expect(member.getByRole('heading', { name: 'Only owners and admins can read the audit log' })).toBeVisible();
    await snap(member, '11-member-audit-denied');

    await test.step('the member signs out and signs in again', async () => {
      await member.getByRole('button', { name: 'Sign out' }).click();
      await expect(member).toHaveURL(`${base}/sign-in`);
      await member.goto(orgUrl);
      await expect(member).toHaveURL(/\/sign-in\?next=/);
      await member.getByLabel('Email').fill(GRACE.email);
      await member.getByLabel('Password').fill(GRACE.password);
      await member.getByRole('button', { name: 'Sign in' }).click();
      await expect(member).toHaveURL(orgUrl);
      await expect(member.getByRole('heading', { level: 1, name: 'Acme Zürich' })).toBeVisible();
    });

    // The link worked once.
    guard.allowHttpError(404);
    guard.allowHttpError(410);
    const stranger = await (await guard.newContext()).newPage();
    await stranger.goto(inviteUrl);
    await expect(stranger.getByRole('alert').filter({ hasText: 'This invitation cannot be used' })).toBeVisible();
  });

  await test.step('the owner sees every step in the audit log', async () => {
    await page.goto(`${orgUrl}/audit`);
    for (const action of ['member.invite_accept', 'member.invite', 'environment_token.revoke', 'environment_token.create', 'environment.create', 'project.create', 'organization.create']) {
      await expect(page.getByText(action, { exact: true }).first()).toBeVisible();
    }
    await snap(page, '12-audit-log');
  });

  await test.step('the setup page is gone once someone has an account', async () => {
    await page.goto(`${base}/setup`);
    await expect(page).not.toHaveURL(/\/setup$/);
  });
});
