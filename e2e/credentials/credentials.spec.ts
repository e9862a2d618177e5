import type { Page } from '@playwright/test';
import { expectTablesFit } from '../support/layout';
import { apiPost, expect, MAIN_URL, openAsMember, seedOrganization, signInAsAdmin, snap, test } from '../support/test';

// Issue 10.6: the Credentials page and the environment page's credential card, as an admin would use
// them — credentials, an override set in place, the table's sources changing, Test connection against
// the emulator (moto accepts AssumeRoleWithWebIdentity) and its explained failures — on a desktop and
// on a phone at each step.

const ACCOUNT = '123456789012';
const arn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

/** A full-page screenshot on the desktop and on a 390 px phone (tables must fit), back to the desktop. */
async function snapBoth(page: Page, name: string): Promise<void> {
  await snap(page, `${name}-desktop`);
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, `${name}-phone`);
  await expectTablesFit(page, name);
  await page.setViewportSize({ width: 1280, height: 860 });
}

async function recordRole(page: Page, orgId: string, roleName: string, maxSessionDuration: number, trustPolicy: Record<string, unknown>) {
  return apiPost(page.request, `/api/v1/orgs/${orgId}/aws/roles`, { accountId: ACCOUNT, roleName, maxSessionDuration, trustPolicy });
}

const row = (page: Page, label: string) => page.getByRole('table', { name: 'Effective credentials' }).getByRole('row').filter({ hasText: label });

test('an admin stores credentials, overrides one environment in place, and tests the connection step by step', async ({ page, guard }) => {
  test.setTimeout(180_000);
  guard.allowHttpError(409); // the taken name
  const { orgId, projectId, base } = await seedOrganization(page, 'Credentials Org');
  await apiPost(page.request, `/api/v1/orgs/${orgId}/environments`, { projectId, name: 'Staging', slug: 'staging', stage: 'staging' });
  const api = await apiPost(page.request, `/api/v1/orgs/${orgId}/projects`, { name: 'Billing API', slug: 'billing-api' });
  const billingEnv = await apiPost(page.request, `/api/v1/orgs/${orgId}/environments`, { projectId: api.id, name: 'Staging', slug: 'staging', stage: 'staging' });
  await recordRole(page, orgId, 'tb-deploy', 3600, { preset: 'this-organization' });
  await recordRole(page, orgId, 'tb-billing-only', 7200, { preset: 'this-project', projectSlug: 'billing-api' });

  // Nothing yet: the page says what to do next.
  await page.goto(`${base}/credentials`);
  await expect(page.getByRole('heading', { level: 1, name: 'Deployment credentials' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No deployment credential yet' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Create a role in AWS setup' })).toHaveAttribute('href', `/orgs/${orgId}/aws`);
  for (const env of ['web-shop/production', 'web-shop/staging', 'billing-api/staging']) await expect(row(page, env)).toContainText('none');
  await snapBoth(page, '70-credentials-empty');

  // The organization default, with a recorded role picked from the combobox.
  await page.getByRole('button', { name: 'Create the organization default' }).click();
  const dialog = page.getByRole('dialog', { name: 'New deployment credential' });
  await expect(dialog.getByLabel('Scope')).toHaveValue('');
  await dialog.getByLabel('Name').fill('Org default');
  await dialog.getByRole('combobox', { name: 'Role ARN' }).fill('deploy');
  await dialog.getByRole('option', { name: /tb-deploy/ }).click();
  await expect(dialog.getByRole('combobox', { name: 'Role ARN' })).toHaveValue(arn('tb-deploy'));
  await expect(dialog.getByText('the recorded role tb-deploy allows at most 3600 s (1 h)')).toBeVisible();
  await dialog.getByLabel('Session duration (seconds)').fill('7200');
  await dialog.getByRole('button', { name: 'Create credential' }).click();
  await expect(dialog.getByText('At most 3600 s: the MaxSessionDuration of the recorded role tb-deploy.')).toBeVisible();
  await snapBoth(page, '71-credentials-new-org-default-refused');
  await dialog.getByLabel('Session duration (seconds)').fill('3600');
  await dialog.getByRole('button', { name: 'Create credential' }).click();
  await expect(dialog).toBeHidden();
  const credentials = page.getByRole('table', { name: 'Credentials', exact: true });
  await expect(credentials.getByRole('row', { name: /Org default/ })).toContainText(arn('tb-deploy'));
  for (const env of ['web-shop/production', 'web-shop/staging', 'billing-api/staging']) await expect(row(page, env)).toContainText('organization');

  // A project credential: free text ARN, and a second one for the same scope is refused by the form's scope list.
  await page.getByRole('button', { name: 'New credential' }).click();
  const second = page.getByRole('dialog', { name: 'New deployment credential' });
  await expect(second.getByRole('option', { name: 'Organization default — has one' })).toBeDisabled();
  await second.getByLabel('Scope').selectOption({ label: 'Project Web Shop' });
  // The API's refusal lands on its field: names are unique in the organization.
  await second.getByLabel('Name').fill('Org default');
  await second.getByRole('combobox', { name: 'Role ARN' }).fill(arn('web-shop-deploy'));
  await second.getByRole('button', { name: 'Create credential' }).click();
  await expect(second.getByLabel('Name')).toHaveAccessibleDescription('A credential named "Org default" already exists in this organization.');
  await second.getByLabel('Name').fill('Web deploy');
  await second.getByRole('combobox', { name: 'Role ARN' }).fill(arn('web-shop-deploy'));
  await second.getByLabel('Session duration (seconds)').fill('1800');
  await second.getByLabel('Region').fill('eu-west-1');
  await second.getByRole('button', { name: 'Create credential' }).click();
  await expect(second).toBeHidden();
  await expect(row(page, 'web-shop/production')).toContainText('project');
  await expect(row(page, 'web-shop/staging')).toContainText('project');
  await expect(row(page, 'billing-api/staging')).toContainText('organization');
  await snapBoth(page, '72-credentials-org-and-project');

  // Override web-shop/production in place, inheriting the project's 1800 s.
  await page.getByRole('button', { name: 'Override the role of web-shop/production' }).click();
  const editor = page.getByRole('form', { name: 'Override for web-shop/production' });
  await expect(editor.getByLabel('Session duration (seconds)')).toHaveAttribute('placeholder', 'inherit: 1800');
  await expect(editor.getByText('Empty: inherit 1800 s (30 min) from the project credential “Web deploy”.')).toBeVisible();
  await editor.getByRole('combobox', { name: 'Role ARN' }).fill('billing');
  await editor.getByRole('combobox', { name: 'Role ARN' }).press('ArrowDown');
  await editor.getByRole('combobox', { name: 'Role ARN' }).press('Enter');
  await expect(editor.getByRole('combobox', { name: 'Role ARN' })).toHaveValue(arn('tb-billing-only'));
  await snapBoth(page, '73-credentials-override-in-place');
  await editor.getByRole('button', { name: 'Save override' }).click();
  await expect(editor).toBeHidden();
  await expect(row(page, 'web-shop/production')).toContainText('environment');
  await expect(row(page, 'web-shop/production')).toContainText(arn('tb-billing-only'));
  await expect(row(page, 'web-shop/staging')).toContainText('project');

  // The table's filters: by source, then by project and stage.
  await page.getByLabel('Source').selectOption({ label: 'Environment override' });
  await expect(page.getByRole('table', { name: 'Effective credentials' }).getByRole('row')).toHaveCount(2);
  await expect(row(page, 'web-shop/production')).toBeVisible();
  await snapBoth(page, '74-credentials-filter-source');
  await page.getByLabel('Source').selectOption({ label: 'All sources' });
  await page.getByLabel('Project').selectOption({ label: 'Billing API' });
  await expect(page.getByRole('table', { name: 'Effective credentials' }).getByRole('row')).toHaveCount(2);
  await page.getByLabel('Project').selectOption({ label: 'All projects' });
  await page.getByLabel('Stage').selectOption('staging');
  await expect(page.getByRole('table', { name: 'Effective credentials' }).getByRole('row')).toHaveCount(3);
  await page.getByLabel('Stage').selectOption('');

  // Test connection succeeds: every step ok, the assumed role named.
  // While STS is asked (held back here so the progress can be seen), the five steps are shown in order.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/test-connection', async (route) => {
    await held;
    await route.continue();
  });
  await row(page, 'billing-api/staging').getByRole('button', { name: 'Test connection for billing-api/staging' }).click();
  const okPanel = page.getByRole('region', { name: 'Test connection for billing-api/staging' });
  await expect(okPanel.getByRole('status').filter({ hasText: 'Testing billing-api/staging: AWS STS can take a few seconds…' })).toBeVisible();
  await expect(okPanel.getByRole('listitem').filter({ hasText: 'AssumeRoleWithWebIdentity (AWS STS)' })).toContainText(/— (waiting|running)/);
  await expect(okPanel.getByRole('listitem').first()).toContainText(/— (running|ok)/);
  await snapBoth(page, '75-credentials-test-running');
  release();
  await expect(okPanel.getByText('Connected: AWS issued credentials for this environment')).toBeVisible({ timeout: 30_000 });
  await expect(okPanel).toContainText(`arn:aws:sts::${ACCOUNT}:assumed-role/tb-deploy/billing-api.staging`);
  const okSteps = okPanel.getByRole('list', { name: 'Test connection steps for billing-api/staging' }).getByRole('listitem');
  await expect(okSteps).toHaveCount(5);
  for (const [i, text] of ['Credential to test — ok', 'Mint an ID token for the environment — ok', 'Check the recorded trust policy and session limit — ok', 'AssumeRoleWithWebIdentity (AWS STS) — ok', 'GetCallerIdentity with the temporary credentials — ok'].entries()) {
    await expect(okSteps.nth(i)).toContainText(text);
  }
  await snapBoth(page, '75-credentials-test-ok');
  await row(page, 'billing-api/staging').getByRole('button', { name: 'Test connection for billing-api/staging' }).click();

  // The override's recorded trust policy refuses web-shop: the pre-check names the condition and the fix.
  await row(page, 'web-shop/production').getByRole('button', { name: 'Test connection for web-shop/production' }).click();
  const prePanel = page.getByRole('region', { name: 'Test connection for web-shop/production' });
  const precheck = prePanel.getByRole('listitem').filter({ hasText: 'Check the recorded trust policy and session limit' });
  await expect(prePanel.getByText('Connected, but a step disagrees: read its fix below')).toBeVisible({ timeout: 30_000 });
  await expect(precheck).toContainText('— failed');
  await expect(precheck).toContainText('would refuse this token');
  await expect(precheck).toContainText('Fix: Change the trust policy of tb-billing-only');
  await expect(prePanel.getByRole('listitem').filter({ hasText: 'AssumeRoleWithWebIdentity' })).toContainText('the role in AWS differs from the record');
  await snapBoth(page, '76-credentials-test-precheck-refused');
  // The same environment with its project's credential instead of the override.
  await prePanel.getByLabel('Credential to test').selectOption({ label: `Project credential “Web deploy” — ${arn('web-shop-deploy')}` });
  await prePanel.getByRole('button', { name: 'Test again' }).click();
  await expect(prePanel).toContainText(`arn:aws:sts::${ACCOUNT}:assumed-role/web-shop-deploy/web-shop.production`, { timeout: 30_000 });
  await row(page, 'web-shop/production').getByRole('button', { name: 'Test connection for web-shop/production' }).click();

  // A hard failure: the Billing API credential's audience is no longer allowed, so no token can be minted.
  const issuer = (await (await page.request.get(`${MAIN_URL()}/api/v1/orgs/${orgId}/issuer`)).json()) as { version: number };
  const widened = (await (await page.request.patch(`${MAIN_URL()}/api/v1/orgs/${orgId}/issuer`, { headers: { Origin: MAIN_URL() }, data: { audiences: ['sts.amazonaws.com', 'api://legacy'], version: issuer.version } })).json()) as { version: number };
  await apiPost(page.request, `/api/v1/orgs/${orgId}/credentials`, { name: 'Billing legacy', roleArn: arn('billing-legacy'), audience: 'api://legacy', projectId: api.id });
  expect((await page.request.patch(`${MAIN_URL()}/api/v1/orgs/${orgId}/issuer`, { headers: { Origin: MAIN_URL() }, data: { audiences: ['sts.amazonaws.com'], version: widened.version } })).status()).toBe(200);
  await page.reload();
  await expect(row(page, 'billing-api/staging')).toContainText('project');
  await expect(row(page, 'billing-api/staging')).toContainText('is not among the organization');
  await row(page, 'billing-api/staging').getByRole('button', { name: 'Test connection for billing-api/staging' }).click();
  const failPanel = page.getByRole('region', { name: 'Test connection for billing-api/staging' });
  await expect(failPanel.getByText('The connection failed at “Mint an ID token for the environment”')).toBeVisible({ timeout: 30_000 });
  const mint = failPanel.getByRole('listitem').filter({ hasText: 'Mint an ID token for the environment' });
  await expect(mint).toContainText('Fix: Add "api://legacy" to the organization\'s allowed audiences');
  await expect(failPanel.getByRole('listitem').filter({ hasText: 'AssumeRoleWithWebIdentity' })).toContainText('— skipped');
  await snapBoth(page, '77-credentials-test-failed');

  // The environment page: its effective credential, its override (edited there too), Test connection, snippets.
  await page.goto(`${base}/environments/${String(billingEnv.id)}`);
  await expect(page.getByRole('heading', { name: 'AWS credential' })).toBeVisible();
  await expect(page.getByLabel('Effective credential', { exact: true })).toContainText('project credential “Billing legacy”');
  await page.getByRole('button', { name: 'Set an override' }).click();
  const envEditor = page.getByRole('form', { name: 'Override for billing-api/staging' });
  await envEditor.getByRole('combobox', { name: 'Role ARN' }).fill(arn('tb-billing-only'));
  await envEditor.getByLabel('Session duration (seconds)').fill('5400');
  await envEditor.getByRole('button', { name: 'Save override' }).click();
  await expect(envEditor).toBeHidden();
  await expect(page.getByLabel('Effective credential', { exact: true })).toContainText('this environment’s override');
  await expect(page.getByLabel('Effective role ARN')).toHaveText(arn('tb-billing-only'));
  // Its override inherits the refused audience; the organization's credential connects.
  const envTest = page.getByRole('region', { name: 'Test connection for billing-api/staging' });
  await envTest.getByLabel('Credential to test').selectOption({ label: `Organization credential “Org default” — ${arn('tb-deploy')}` });
  await envTest.getByRole('button', { name: 'Test connection' }).click();
  await expect(envTest.getByText('Connected: AWS issued credentials for this environment')).toBeVisible({ timeout: 30_000 });
  await expect(envTest).toContainText(`arn:aws:sts::${ACCOUNT}:assumed-role/tb-deploy/billing-api.staging`);
  await expect(page.getByLabel('~/.aws/config')).toHaveText('[profile trustbridge]\ncredential_process = trustbridge idp credential-process');
  await page.getByLabel('Role', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('AWS profile name').fill('billing');
  await expect(page.getByLabel('~/.aws/config')).toHaveText(`[profile billing]\ncredential_process = trustbridge idp credential-process --role-arn ${arn('tb-billing-only')}`);
  await expect(page.getByLabel('Login command')).toHaveText(`trustbridge idp login aws --profile billing --role-arn ${arn('tb-billing-only')}\naws sts get-caller-identity --profile billing`);
  await expect(page.getByLabel('Environment variables')).toContainText(`export TRUSTBRIDGE_URL=${MAIN_URL()}`);
  await snapBoth(page, '78-environment-credential-card');
});

test('two admins edit at once: the override and credential conflicts say what changed, and nothing is lost', async ({ page, guard }) => {
  guard.allowHttpError(409);
  const { orgId, envId, base } = await seedOrganization(page, 'Credential Conflict Org');
  const credential = await apiPost(page.request, `/api/v1/orgs/${orgId}/credentials`, { name: 'Org default', roleArn: arn('org-role') });
  const other = await (await guard.newContext()).newPage();
  await signInAsAdmin(other);
  await page.goto(`${base}/credentials`);
  await other.goto(`${base}/credentials`);

  // Both open the override editor of the same environment; the first save wins, the second is told.
  await page.getByRole('button', { name: 'Override the role of web-shop/production' }).click();
  await other.getByRole('button', { name: 'Override the role of web-shop/production' }).click();
  const mine = page.getByRole('form', { name: 'Override for web-shop/production' });
  await mine.getByRole('combobox', { name: 'Role ARN' }).fill(arn('first'));
  await mine.getByRole('button', { name: 'Save override' }).click();
  await expect(mine).toBeHidden();
  await expect(row(page, 'web-shop/production')).toContainText(arn('first'));

  const theirs = other.getByRole('form', { name: 'Override for web-shop/production' });
  await theirs.getByRole('combobox', { name: 'Role ARN' }).fill(arn('second'));
  await theirs.getByLabel('Session duration (seconds)').fill('900');
  await theirs.getByRole('button', { name: 'Save override' }).click();
  const notice = theirs.getByRole('status').filter({ hasText: 'Someone else changed this override while you were editing it' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(`Role ARN: (no override) → ${arn('first')}`);
  await expect(theirs.getByRole('combobox', { name: 'Role ARN' })).toHaveValue(arn('second'));
  await snapBoth(other, '79-credentials-override-conflict');
  await notice.getByRole('button', { name: 'Keep my changes' }).click();
  await theirs.getByRole('button', { name: 'Save override' }).click();
  await expect(theirs).toBeHidden();
  await expect(row(other, 'web-shop/production')).toContainText(arn('second'));
  const effective = (await (await page.request.get(`${MAIN_URL()}/api/v1/orgs/${orgId}/environments/${envId}/effective-credential`)).json()) as { roleArn: string; durationSeconds: number; override: { version: number } };
  expect(effective).toMatchObject({ roleArn: arn('second'), durationSeconds: 900, override: { version: 2 } });

  // The credential: one renames it, the other (dialog opened before) changes the duration; a three-way merge keeps both.
  await other.getByRole('button', { name: 'Edit credential Org default' }).click();
  await page.getByRole('button', { name: 'Edit credential Org default' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill('Organization default');
  await page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  const dialog = other.getByRole('dialog', { name: 'Edit credential “Org default”' });
  await dialog.getByLabel('Session duration (seconds)').fill('1800');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  const changed = dialog.getByRole('status').filter({ hasText: 'Someone else changed this credential while you were editing it' });
  await expect(changed).toContainText('Name: Org default → Organization default');
  await snapBoth(other, '79-credentials-credential-conflict');
  await changed.getByRole('button', { name: 'Keep my changes' }).click();
  await expect(dialog.getByLabel('Name')).toHaveValue('Organization default');
  await expect(dialog.getByLabel('Session duration (seconds)')).toHaveValue('1800');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  const stored = (await (await page.request.get(`${MAIN_URL()}/api/v1/orgs/${orgId}/credentials/${String(credential.id)}`)).json()) as Record<string, unknown>;
  expect(stored).toMatchObject({ name: 'Organization default', durationSeconds: 1800, version: 3 });
});

test('the AWS wizard’s link opens the new-credential form prefilled; values that are not valid are named, not used', async ({ page }) => {
  const { orgId, base } = await seedOrganization(page, 'Prefill Org');
  await recordRole(page, orgId, 'tb-wizard', 7200, { preset: 'this-organization' });
  await page.goto(`${base}/credentials?new=1&roleArn=${encodeURIComponent(arn('tb-wizard'))}&durationSeconds=7200`);
  const dialog = page.getByRole('dialog', { name: 'New deployment credential' });
  await expect(dialog.getByRole('combobox', { name: 'Role ARN' })).toHaveValue(arn('tb-wizard'));
  await expect(dialog.getByLabel('Session duration (seconds)')).toHaveValue('7200');
  await expect(dialog.getByText('the recorded role tb-wizard allows at most 7200 s (2 h)')).toBeVisible();
  await snapBoth(page, '80-credentials-prefilled');
  await dialog.getByLabel('Name').fill('Wizard role');
  await dialog.getByRole('button', { name: 'Create credential' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(`${base}/credentials`);
  await expect(page.getByRole('table', { name: 'Credentials', exact: true })).toContainText(arn('tb-wizard'));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Deployment credentials' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.goto(`${base}/credentials?new=1&roleArn=${encodeURIComponent('arn:aws:iam::123456789012:user/ada')}&durationSeconds=99999`);
  const refused = page.getByRole('dialog', { name: 'New deployment credential' });
  await expect(refused.getByRole('status').filter({ hasText: 'Not taken from the link' })).toContainText('names a user, not a role');
  await expect(refused.getByRole('status').filter({ hasText: 'Not taken from the link' })).toContainText('900–43200 seconds');
  await expect(refused.getByRole('combobox', { name: 'Role ARN' })).toHaveValue('');
  await expect(refused.getByLabel('Session duration (seconds)')).toHaveValue('3600');
  // The organization has its default now: the form offers the project.
  await expect(refused.getByLabel('Scope')).toHaveValue(/.+/);
  await snapBoth(page, '80-credentials-prefill-refused');
});

test('a member reads credentials, sources and overrides but cannot change or test anything', async ({ page, guard }) => {
  const { orgId, envId, base } = await seedOrganization(page, 'Member Credentials Org');
  await apiPost(page.request, `/api/v1/orgs/${orgId}/credentials`, { name: 'Org default', roleArn: arn('org-role'), region: 'eu-central-1' });
  expect((await page.request.put(`${MAIN_URL()}/api/v1/orgs/${orgId}/environments/${envId}/override`, { headers: { Origin: MAIN_URL() }, data: { roleArn: arn('prod-only') } })).status()).toBe(201);
  const member = await openAsMember(page, guard, orgId);

  await member.goto(`${base}/credentials?new=1`);
  await expect(member.getByRole('heading', { level: 1, name: 'Deployment credentials' })).toBeVisible();
  await expect(member.getByText('Only owners and admins of this organization can create deployment credentials.')).toBeVisible();
  await expect(member.getByRole('dialog')).toHaveCount(0);
  await expect(member.getByRole('table', { name: 'Credentials', exact: true })).toContainText(arn('org-role'));
  await expect(row(member, 'web-shop/production')).toContainText('environment');
  await expect(row(member, 'web-shop/production')).toContainText(arn('prod-only'));
  for (const name of ['New credential', 'Edit credential Org default', 'Delete credential Org default', 'Edit the override of web-shop/production', 'Test connection for web-shop/production']) {
    await expect(member.getByRole('button', { name })).toHaveCount(0);
  }
  await snapBoth(member, '81-credentials-member');

  await member.goto(`${base}/environments/${envId}`);
  await expect(member.getByLabel('Effective credential', { exact: true })).toContainText('this environment’s override');
  await expect(member.getByText(`This environment assumes ${arn('prod-only')}`)).toBeVisible();
  await expect(member.getByRole('button', { name: 'Edit override' })).toHaveCount(0);
  await expect(member.getByRole('heading', { name: 'Test connection' })).toHaveCount(0);
  await expect(member.getByLabel('~/.aws/config')).toHaveText('[profile trustbridge]\ncredential_process = trustbridge idp credential-process\nregion = eu-central-1');
  await snapBoth(member, '81-environment-credential-member');
});

test('the table pages through every environment fifty at a time, and filters start again at the first page', async ({ page }) => {
  const { orgId, projectId, base } = await seedOrganization(page, 'Many Environments Org');
  for (let i = 1; i <= 52; i++) {
    await apiPost(page.request, `/api/v1/orgs/${orgId}/environments`, { projectId, name: `Preview ${i}`, slug: `preview-${i}`, stage: 'development' });
  }
  await page.goto(`${base}/credentials`);
  const pages = page.getByRole('navigation', { name: 'Pages of environments' });
  const rows = page.getByRole('table', { name: 'Effective credentials' }).getByRole('row');
  await expect(pages).toContainText('Environments 1–50');
  await expect(rows).toHaveCount(51);
  await expect(pages.getByRole('button', { name: 'Previous' })).toBeDisabled();
  await pages.getByRole('button', { name: 'Next' }).click();
  await expect(pages).toContainText('Environments 51–53');
  await expect(rows).toHaveCount(4);
  await expect(row(page, 'web-shop/preview-52')).toBeVisible();
  await expect(pages.getByRole('button', { name: 'Next' })).toBeDisabled();
  await snapBoth(page, '82-credentials-second-page');
  await pages.getByRole('button', { name: 'Previous' }).click();
  await expect(pages).toContainText('Environments 1–50');
  await pages.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Stage').selectOption('production');
  await expect(rows).toHaveCount(2);
  await expect(row(page, 'web-shop/production')).toBeVisible();
  await expect(pages).toHaveCount(0);
});
