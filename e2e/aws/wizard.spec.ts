import type { Locator, Page } from '@playwright/test';
import { motoClient, MOTO_ACCOUNT_ID } from '../../tests/support/moto';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium';
import { expectTablesFit } from '../support/layout';
import { expect, required, snap, test } from '../support/test';

// The AWS setup wizard end to end, on the production shape AWS needs: PUBLIC_URL=https://trustbridge.test
// (no port) behind a TLS proxy (e2e/support/global-setup.ts), IAM in the moto emulator. An admin creates
// the OIDC provider and a role from a preset (its reach shown before), Trustbridge applies both with
// pasted credentials, verify says in sync, a change made behind Trustbridge's back with the AWS CLI is
// found as drift and fixed with "re-apply ours", the exports are copied, the credential hand-over
// link carries the role ARN, a reload lands on the same step, and a member reads without acting.
// The pasted secret never reaches a URL or browser storage.

test.use({
  ignoreHTTPSErrors: true,
  // At collection time (before the global setup) the rule is not known yet; the worker has it.
  launchOptions: { executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, `--host-resolver-rules=${process.env.TRUSTBRIDGE_E2E_TLS_RESOLVER_RULE ?? ''}`] },
  permissions: ['clipboard-read', 'clipboard-write'],
});

const TLS = () => required('TRUSTBRIDGE_E2E_TLS_URL');
const ACCESS_KEY_ID = 'AKIAE2EWIZARDKEY0001';
const SECRET = 'e2e-wizard-secret-canary-5f1c';
const SESSION_TOKEN = 'e2e-wizard-session-token-canary-9a7d';

/** The JSON API from inside the page: same origin, its cookies, the browser's own Origin header. */
async function call(page: Page, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const answer = await page.evaluate(
    async ({ method, path, body }) => {
      const r = await fetch(path, { method, headers: body === undefined ? {} : { 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return { status: r.status, text: await r.text() };
    },
    { method, path, body },
  );
  expect(answer.status, `${method} ${path}: ${answer.text}`).toBeLessThan(300);
  return answer.text ? (JSON.parse(answer.text) as Record<string, unknown>) : {};
}

async function pasteCredentials(page: Page): Promise<void> {
  await page.getByLabel('Access key ID').fill(ACCESS_KEY_ID);
  await page.getByLabel('Secret access key').fill(SECRET);
  await page.getByLabel('Session token (for temporary credentials)').fill(SESSION_TOKEN);
}

async function expectNoSecretLeft(page: Page): Promise<void> {
  expect(page.url()).not.toContain(SECRET);
  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }) + document.cookie);
  expect(stored).not.toContain(SECRET);
  expect(stored).not.toContain(SESSION_TOKEN);
  // The fields are emptied the moment a request takes them.
  for (const field of await page.getByLabel('Secret access key').all()) await expect(field).toHaveValue('');
}

const currentStep = (page: Page) => page.getByRole('navigation', { name: 'Setup steps' }).locator('[aria-current="step"]');
const step = (list: Locator, action: string) => list.getByRole('listitem').filter({ hasText: action });

test('the whole wizard against the emulator: provider, role from a preset, verify, drift fixed, exports, hand-over, reload, member', async ({ page, browser, guard }) => {
  test.setTimeout(300_000);
  const moto = motoClient(required('TRUSTBRIDGE_E2E_MOTO_URL'));
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));

  // Sign in through the form; seed an organization with two projects through the API.
  await page.goto(`${TLS()}/sign-in`);
  await page.getByLabel('Email').fill(required('TRUSTBRIDGE_E2E_ADMIN_EMAIL'));
  await page.getByLabel('Password').fill(required('TRUSTBRIDGE_E2E_ADMIN_PASSWORD'));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  const org = await call(page, 'POST', '/api/v1/orgs', { name: 'Wizard Org', slug: `wizard-${Math.random().toString(36).slice(2, 8)}` });
  const orgId = String(org.id);
  const issuer = String(org.issuer);
  expect(issuer).toBe(`${TLS()}/oidc/${orgId}`);
  const prefix = issuer.replace(/^https:\/\//, '');
  const web = await call(page, 'POST', `/api/v1/orgs/${orgId}/projects`, { name: 'Web Shop', slug: 'web-shop' });
  const api = await call(page, 'POST', `/api/v1/orgs/${orgId}/projects`, { name: 'API', slug: 'api' });
  for (const [project, slug, stage] of [[web, 'production', 'production'], [web, 'staging', 'staging'], [api, 'production', 'production']] as const) {
    await call(page, 'POST', `/api/v1/orgs/${orgId}/environments`, { projectId: project.id, name: `${String(project.name)} ${slug}`, slug, stage });
  }
  const base = `${TLS()}/orgs/${orgId}/aws`;

  // Empty: every part says what to do next.
  await page.goto(base);
  await expect(page.getByRole('heading', { level: 1, name: 'AWS setup' })).toBeVisible();
  await expect(currentStep(page)).toContainText('Provider');
  await expect(page.getByRole('heading', { name: 'No provider or role recorded yet' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Trust chain' })).toContainText('No AWS account yet');
  await expect(page.getByText('AWS cannot trust this issuer URL')).toHaveCount(0);
  await snap(page, '70-aws-empty');

  // Provider: Trustbridge creates it with pasted temporary credentials.
  await expect(page.getByLabel('Provider URL')).toHaveText(issuer);
  await page.getByLabel('AWS account ID').fill(MOTO_ACCOUNT_ID);
  await expect(page.getByLabel('Client IDs (audiences)')).toHaveValue('sts.amazonaws.com');
  await expect(page.getByRole('tab', { name: 'Trustbridge does it', selected: true })).toBeVisible();
  await page.getByText('Permissions these credentials need').click();
  await expect(page.getByLabel('Minimal IAM policy')).toContainText('iam:CreateOpenIDConnectProvider');
  await expect(page.getByLabel('Minimal IAM policy')).toContainText(`arn:aws:iam::${MOTO_ACCOUNT_ID}:oidc-provider/${prefix}`);
  await pasteCredentials(page);
  await snap(page, '71-aws-provider-form');
  await page.getByRole('button', { name: 'Create the provider in AWS' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Created in AWS' })).toBeVisible();
  await expect(page).toHaveURL(/step=provider&providerId=/);
  const providerArn = `arn:aws:iam::${MOTO_ACCOUNT_ID}:oidc-provider/${prefix}`;
  await expect(page.getByLabel('Provider ARN')).toHaveText(providerArn);
  await expect(step(page.getByRole('list', { name: 'Steps in AWS' }), 'iam:CreateOpenIDConnectProvider')).toContainText('Done');
  await expectNoSecretLeft(page);
  const providers = moto.aws(['iam', 'list-open-id-connect-providers']).json as { OpenIDConnectProviderList: Array<{ Arn: string }> };
  expect(providers.OpenIDConnectProviderList.map((p) => p.Arn)).toContain(providerArn);
  await snap(page, '72-aws-provider-created');

  // Role: from the "This project" preset; the reach preview shows who gets in before anything is applied.
  await page.getByRole('link', { name: 'Next: the role' }).click();
  await expect(currentStep(page)).toContainText('Role');
  await page.getByLabel('Role name').fill('deploy-web-shop');
  await expect(page.getByLabel('AWS account ID')).toHaveValue(MOTO_ACCOUNT_ID);
  await expect(page.getByRole('radio', { name: 'Admitted (3)' })).toBeVisible();
  await page.getByRole('radio', { name: /This project/ }).check();
  await page.getByLabel('Project', { exact: true }).selectOption('web-shop');
  await page.getByRole('button', { name: 'Apply preset' }).click();
  await expect(page.getByRole('radio', { name: 'Admitted (2)' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Refused (1)' })).toBeVisible();
  await expect(page.getByLabel('Trust policy JSON')).toContainText(`org:${orgId}:project:web-shop:environment:*`);
  await snap(page, '73-aws-role-form-reach');
  await pasteCredentials(page);
  await page.getByRole('button', { name: 'Create the role in AWS' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Created in AWS' })).toBeVisible();
  await expect(page).toHaveURL(/step=role&providerId=[^&]+&roleId=/);
  const roleArn = `arn:aws:iam::${MOTO_ACCOUNT_ID}:role/deploy-web-shop`;
  await expect(page.getByLabel('Role ARN')).toHaveText(roleArn);
  await expect(page.getByRole('region', { name: 'Reach of the role' })).toContainText('Admits 2 of 3 environments');
  await expect(step(page.getByRole('list', { name: 'Steps in AWS' }), 'iam:CreateRole')).toContainText('Done');
  await expectNoSecretLeft(page);
  const inAws = moto.aws(['iam', 'get-role', '--role-name', 'deploy-web-shop']).json as { Role: { AssumeRolePolicyDocument: unknown } };
  const recordedPolicy = (await call(page, 'GET', `/api/v1/orgs/${orgId}/aws/roles/${new URL(page.url()).searchParams.get('roleId') ?? ''}`)).trustPolicy;
  expect(inAws.Role.AssumeRolePolicyDocument).toEqual(recordedPolicy);
  await snap(page, '74-aws-role-created');

  // "I'll do it myself": every export, with copy and download.
  await page.getByRole('tab', { name: "I'll do it myself" }).click();
  for (const [tab, expected] of [
    ['Console steps', 'deploy-web-shop'],
    ['AWS CLI', 'aws iam create-role'],
    ['CloudFormation', 'AWS::IAM::Role'],
    ['Terraform', 'resource "aws_iam_role"'],
  ] as const) {
    await page.getByRole('tab', { name: tab }).click();
    const code = page.getByLabel(`${tab} for the role deploy-web-shop`);
    await expect(code).toContainText(expected);
    await page.getByRole('button', { name: 'Copy: copy to clipboard' }).last().click();
    await expect(page.getByRole('button', { name: 'Copy: copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code.innerText());
    await expect(page.getByRole('link', { name: 'Download' })).toHaveAttribute('href', new RegExp(`format=${tab === 'Console steps' ? 'console' : tab === 'AWS CLI' ? 'cli' : tab.toLowerCase()}&download=1$`));
  }
  await snap(page, '75-aws-role-exports');

  // Credential: the hand-over to deployment credentials carries the role ARN and a duration.
  await page.getByRole('link', { name: 'Next: the credential' }).click();
  await expect(currentStep(page)).toContainText('Credential');
  await page.getByLabel('Session duration (seconds)').fill('1800');
  await expect(page.getByRole('link', { name: 'Store as a deployment credential' })).toHaveAttribute('href', `/orgs/${orgId}/credentials?new=1&roleArn=${encodeURIComponent(roleArn)}&durationSeconds=1800`);
  await page.getByLabel('Session duration (seconds)').fill('7200');
  await expect(page.getByText('AWS accepts 900–3600 seconds for this role')).toBeVisible();
  await page.getByLabel('Session duration (seconds)').fill('3600');
  await snap(page, '76-aws-credential');
  // The hand-over: Credentials opens its new-credential form with the role and the duration.
  const credentialStep = page.url();
  await page.getByRole('link', { name: 'Store as a deployment credential' }).click();
  const newCredential = page.getByRole('dialog', { name: 'New deployment credential' });
  await expect(newCredential.getByRole('combobox', { name: 'Role ARN' })).toHaveValue(roleArn);
  await expect(newCredential.getByLabel('Session duration (seconds)')).toHaveValue('3600');
  await snap(page, '76-aws-credential-handed-over');
  await page.goto(credentialStep);

  // Verify: both in sync.
  await page.getByRole('link', { name: 'Next: verify' }).click();
  const providerPanel = page.getByRole('region', { name: `Verify OIDC provider in ${MOTO_ACCOUNT_ID}` });
  const rolePanel = page.getByRole('region', { name: 'Verify Role deploy-web-shop' });
  await expect(rolePanel).toContainText('Never verified');
  await pasteCredentials(page);
  await providerPanel.getByRole('button', { name: 'Verify the provider' }).click();
  await expect(providerPanel.getByRole('status').filter({ hasText: 'In sync' })).toBeVisible();
  await pasteCredentials(page);
  await rolePanel.getByRole('button', { name: 'Verify the role' }).click();
  await expect(rolePanel.getByRole('status').filter({ hasText: 'In sync' })).toBeVisible();
  await expectNoSecretLeft(page);
  const chain = page.getByRole('figure', { name: 'Trust chain' });
  await expect(chain.getByRole('listitem', { name: 'Role deploy-web-shop' })).toContainText('In sync');
  await expect(chain.getByRole('listitem', { name: `AWS account ${MOTO_ACCOUNT_ID}` })).toContainText('In sync');
  await expect(chain.getByRole('list', { name: 'Environments it admits' })).toContainText('web-shop/production');
  await expect(currentStep(page)).toContainText('Verify (done)');
  await snap(page, '77-aws-verified');

  // Drift behind Trustbridge's back: the AWS CLI widens the trust policy to the whole organization.
  const widened = JSON.parse(JSON.stringify(recordedPolicy)) as { Statement: Array<{ Condition: { StringLike: Record<string, string> } }> };
  const first = widened.Statement[0];
  if (!first) throw new Error('no statement');
  first.Condition.StringLike[`${prefix}:sub`] = `org:${orgId}:*`;
  expect(moto.aws(['iam', 'update-assume-role-policy', '--role-name', 'deploy-web-shop', '--policy-document', JSON.stringify(widened)]).status).toBe(0);
  await pasteCredentials(page);
  await rolePanel.getByRole('button', { name: 'Verify the role' }).click();
  await expect(rolePanel.getByRole('status').filter({ hasText: 'Drifted: 1 difference' })).toBeVisible();
  const difference = rolePanel.getByRole('listitem', { name: `Difference at trustPolicy.Statement[0].Condition.StringLike["${prefix}:sub"]` });
  await expect(difference).toContainText(`org:${orgId}:project:web-shop:environment:*`);
  await expect(difference).toContainText(`org:${orgId}:*`);
  await expect(page.getByRole('table', { name: 'AWS providers and roles' }).getByRole('row', { name: /deploy-web-shop/ })).toContainText('Drifted · 1 difference');
  await expect(chain.getByRole('listitem', { name: 'Role deploy-web-shop' })).toContainText('Drifted');
  await snap(page, '78-aws-drifted');
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, '78-aws-drifted-phone');
  await expectTablesFit(page, 'verify step with drift');
  await page.setViewportSize({ width: 1280, height: 860 });

  // Re-apply ours, verify again: in sync, and AWS has the record's policy back.
  await pasteCredentials(page);
  await rolePanel.getByRole('button', { name: 'Re-apply ours' }).click();
  await expect(rolePanel.getByText('Applied the record again')).toBeVisible();
  await pasteCredentials(page);
  await rolePanel.getByRole('button', { name: 'Verify the role' }).click();
  await expect(rolePanel.getByRole('status').filter({ hasText: 'In sync' })).toBeVisible();
  expect((moto.aws(['iam', 'get-role', '--role-name', 'deploy-web-shop']).json as { Role: { AssumeRolePolicyDocument: unknown } }).Role.AssumeRolePolicyDocument).toEqual(recordedPolicy);

  // The state survives a reload: same step, same records, their verification from the server.
  const here = page.url();
  await page.reload();
  expect(page.url()).toBe(here);
  await expect(currentStep(page)).toContainText('Verify');
  await expect(rolePanel.getByRole('status').filter({ hasText: 'In sync' })).toBeVisible();
  await expect(providerPanel.getByRole('status').filter({ hasText: 'In sync' })).toBeVisible();
  // Without a step the wizard opens where the work stands (both in AWS: verify).
  await page.goto(base);
  await expect(currentStep(page)).toContainText('Verify');
  await expectNoSecretLeft(page);
  expect(requests.filter((u) => u.includes(SECRET) || u.includes(SESSION_TOKEN) || u.includes(ACCESS_KEY_ID)), 'no credential in any URL').toEqual([]);

  // Phone: the wizard, the trust chain and the list fit 390 px.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [query, name] of [['', 'verify'], ['?step=provider', 'provider'], ['?step=role', 'role'], ['?step=role&roleId=new', 'role-form']] as const) {
    await page.goto(`${base}${query}`);
    await expect(page.getByRole('heading', { level: 1, name: 'AWS setup' })).toBeVisible();
    if (name === 'role-form') await expect(page.getByRole('radio', { name: /^Admitted/ })).toBeVisible();
    await snap(page, `79-aws-phone-${name}`);
    await expectTablesFit(page, `aws ${name}`);
  }

  // A member reads everything and changes nothing.
  const invited = await call(page, 'POST', `/api/v1/orgs/${orgId}/members`, { email: `aws-member-${Date.now()}@example.com`, role: 'member' });
  const memberContext = await guard.watch(await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 390, height: 844 } }));
  const member = await memberContext.newPage();
  await member.goto(`${TLS()}/sign-in`);
  await call(member, 'POST', '/api/v1/invitations/accept', { token: String(invited.inviteUrl).split('#')[1], name: 'Mo Member', password: 'a-long-member-password' });
  await member.goto(`${base}?step=verify`);
  await expect(member.getByText('only owners and admins of this organization can ask AWS again')).toBeVisible();
  await expect(member.getByRole('button', { name: /Verify the/ })).toHaveCount(0);
  await expect(member.getByLabel('Access key ID')).toHaveCount(0);
  await expect(member.getByRole('region', { name: 'Verify Role deploy-web-shop' }).getByRole('status').filter({ hasText: 'In sync' })).toBeVisible();
  await snap(member, '80-aws-member-verify-phone');
  await member.goto(`${base}?step=role`);
  await expect(member.getByRole('tab', { name: 'Trustbridge does it' })).toHaveCount(0);
  await expect(member.getByRole('button', { name: /Edit|Delete/ })).toHaveCount(0);
  await expect(member.getByLabel('Console steps for the role deploy-web-shop')).toContainText('deploy-web-shop');
  await snap(member, '81-aws-member-role-phone');
  await memberContext.close();
});
