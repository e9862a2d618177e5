import type { APIRequestContext, Page } from '@playwright/test';
import { expect, snap, test } from '../support/test';

// The visual trust-policy builder, end to end: a preset, a row edit, the live JSON and reach
// preview, importing a policy with a Deny statement (kept as written), a one-click lint fix, a real
// ID token tested against the policy, saving, reloading, the list, and a stale save refused (409).
// Needs only a running server: TRUSTBRIDGE_E2E_URL and the admin's TRUSTBRIDGE_E2E_ADMIN_EMAIL /
// TRUSTBRIDGE_E2E_ADMIN_PASSWORD. It creates its own organization, project and environments.

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const BASE = () => env('TRUSTBRIDGE_E2E_URL').replace(/\/+$/, '');

async function call(request: APIRequestContext, method: 'POST' | 'PUT' | 'PATCH' | 'GET', path: string, data: unknown, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const response = await request.fetch(`${BASE()}${path}`, { method, headers: { Origin: BASE(), ...headers }, data });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

async function signIn(page: Page): Promise<void> {
  const response = await page.request.post(`${BASE()}/api/v1/auth/login`, {
    headers: { Origin: BASE() },
    data: { email: env('TRUSTBRIDGE_E2E_ADMIN_EMAIL'), password: env('TRUSTBRIDGE_E2E_ADMIN_PASSWORD') },
  });
  expect(response.status()).toBe(200);
}

test('build, import, fix, test with a token, save and reload a trust policy', async ({ page, guard }) => {
  guard.allowHttpError(409); // the stale save at the end

  await signIn(page);
  const org = await call(page.request, 'POST', '/api/v1/orgs', { name: 'Builder Org', slug: `builder-${Math.random().toString(36).slice(2, 8)}` });
  const orgId = String(org.id);
  const issuer = String(org.issuer);
  const prefix = issuer.replace(/^https?:\/\//, '');
  const web = await call(page.request, 'POST', `/api/v1/orgs/${orgId}/projects`, { name: 'Web', slug: 'web' });
  const api = await call(page.request, 'POST', `/api/v1/orgs/${orgId}/projects`, { name: 'API', slug: 'api' });
  const envs: Record<string, Record<string, unknown>> = {};
  for (const [project, slug, stage] of [[web, 'dev', 'development'], [web, 'prod', 'production'], [api, 'staging', 'staging'], [api, 'prod', 'production']] as const) {
    envs[`${String(project.id === web.id ? 'web' : 'api')}/${slug}`] = await call(page.request, 'POST', `/api/v1/orgs/${orgId}/environments`, { projectId: project.id, name: `${String(project.name)} ${slug}`, slug, stage });
  }
  const sub = (project: string, slug: string) => `org:${orgId}:project:${project}:environment:${slug}`;
  const json = page.getByLabel('Trust policy JSON');

  // The list starts empty and says what to do.
  await page.goto(`${BASE()}/orgs/${orgId}/trust-policies`);
  await expect(page.getByRole('heading', { name: 'No trust policies yet' })).toBeVisible();
  await snap(page, '50-trust-policies-empty');
  await page.getByRole('link', { name: 'New policy' }).click();

  // A preset: all production environments (the default template has no stage, so it lists their subjects).
  await expect(page.getByRole('heading', { level: 1, name: 'New trust policy' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('deploy-production');
  await page.getByLabel('AWS account ID').fill('123456789012');
  await expect(json).toContainText(`arn:aws:iam::123456789012:oidc-provider/${prefix}`);
  await expect(page.getByRole('radio', { name: 'Admitted (4)' })).toBeVisible();
  await page.getByRole('radio', { name: /All production environments/ }).check();
  await page.getByRole('button', { name: 'Apply preset' }).click();
  await expect(page.getByText(/lists the 2 current production environment subject/)).toBeVisible();
  await expect(json).toContainText(sub('web', 'prod'));
  await expect(json).toContainText(sub('api', 'prod'));
  await expect(page.getByRole('radio', { name: 'Admitted (2)' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Refused (2)' })).toBeVisible();
  await snap(page, '51-builder-preset');

  // Edit the row: drop api/prod. The JSON and the reach preview follow.
  await page.getByRole('button', { name: `Remove value ${sub('api', 'prod')}` }).click();
  await expect(json).not.toContainText(sub('api', 'prod'));
  await expect(page.getByRole('radio', { name: 'Admitted (1)' })).toBeVisible();
  await page.getByRole('radio', { name: 'Refused (3)' }).check();
  await expect(page.getByRole('row', { name: /API prod/ })).toContainText('Refused');
  await page.getByRole('radio', { name: 'All (4)' }).check();

  // The all-clear says what was checked, and a wide-open statement anywhere in the policy is an error.
  const allClear = page.getByRole('status').filter({ hasText: 'No findings from these checks' });
  await expect(allClear).toContainText(`this organization's OIDC provider (…:oidc-provider/${prefix})`);
  await expect(allClear).toContainText(`pins this organization (org:${orgId}:…)`);
  await expect(allClear).toContainText('Not checked: the role');
  const wideOpen = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${prefix}` }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${prefix}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${prefix}:sub`]: `org:${orgId}:project:web:*` } } },
      { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' },
    ],
  };
  await page.getByRole('button', { name: 'Import JSON' }).click();
  const wideDialog = page.getByRole('dialog', { name: 'Import a trust policy' });
  await wideDialog.getByLabel('Policy JSON to import').fill(JSON.stringify(wideOpen, null, 2));
  await wideDialog.getByRole('button', { name: 'Import' }).click();
  await expect(wideDialog).toBeHidden();
  await expect(allClear).toHaveCount(0);
  const publicFinding = page.getByRole('region', { name: /^Errors/ }).getByRole('listitem', { name: /^public-principal/ });
  await expect(publicFinding).toContainText('$.Statement[1].Principal.AWS');
  await snap(page, '51b-builder-public-principal');
  await publicFinding.getByRole('button', { name: 'Apply fix: Remove statement 2' }).click();
  await expect(publicFinding).toBeHidden();
  await expect(allClear).toBeVisible();
  await expect(json).not.toContainText('"AWS": "*"');
  await page.setViewportSize({ width: 390, height: 844 });
  await allClear.scrollIntoViewIfNeeded();
  await snap(page, '51c-builder-all-clear-phone');
  await page.setViewportSize({ width: 1280, height: 860 });

  // Import a policy with a Deny statement and no aud condition.
  const provider = `arn:aws:iam::123456789012:oidc-provider/${prefix}`;
  const imported = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { Federated: provider }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringLike: { [`${prefix}:sub`]: `org:${orgId}:project:web:*` } } },
      { Effect: 'Deny', Principal: { Federated: provider }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${prefix}:sub`]: sub('web', 'dev') } } },
    ],
  };
  await page.getByRole('button', { name: 'Import JSON' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a trust policy' });
  await dialog.getByLabel('Policy JSON to import').fill('{ "Version": "2012-10-17", "Statement": [ }');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/line 1, column \d+/);
  await dialog.getByLabel('Policy JSON to import').fill(JSON.stringify(imported, null, 2));
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  const kept = page.getByRole('region', { name: /Kept as written/ });
  await expect(kept).toContainText('Statement 2 (Deny)');
  await expect(kept.getByLabel(/Kept as written: Statement 2/)).toContainText(sub('web', 'dev'));
  await expect(json).toContainText('"Effect": "Deny"');
  await expect(page.getByRole('radio', { name: 'Admitted (1)' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Web dev/ })).toContainText('explicitly denied');
  await snap(page, '52-builder-imported');

  // Lint: no aud condition → one-click fix.
  const finding = page.getByRole('listitem', { name: /^missing-aud-condition/ });
  await expect(finding).toBeVisible();
  await expect(json).not.toContainText(`${prefix}:aud`);
  await finding.getByRole('button', { name: /Apply fix/ }).click();
  await expect(finding).toBeHidden();
  await expect(json).toContainText(`"${prefix}:aud": "sts.amazonaws.com"`);
  await expect(page.getByLabel('Audience (aud)')).toHaveValue('sts.amazonaws.com');
  await expect(kept).toContainText('Statement 2 (Deny)');

  // Download gives trust-policy.json.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
  expect(download.suggestedFilename()).toBe('trust-policy.json');

  // A real ID token of web/dev: decoded in the page, explicitly denied by statement 2.
  const envToken = await call(page.request, 'POST', `/api/v1/orgs/${orgId}/environments/${String(envs['web/dev']?.id)}/tokens`, { name: 'e2e' });
  const idToken = await call(page.request, 'POST', '/api/v1/idp/token', {}, { Authorization: `Bearer ${String(envToken.token)}` });
  await page.getByLabel('ID token (JWT)').fill(String(idToken.token));
  await expect(page.getByText('ExplicitDeny', { exact: true })).toBeVisible();
  await expect(page.getByText(/statement 2 refuses it/)).toBeVisible();
  await expect(page.getByRole('rowheader', { name: `${prefix}:sub` })).toBeVisible();
  expect(page.url()).not.toContain(String(idToken.token).slice(0, 20));
  await snap(page, '53-builder-token-test');
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, '54-builder-phone');
  await page.setViewportSize({ width: 1280, height: 860 });

  // Save, reload, and find it again.
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page).toHaveURL(/\/trust-policies\/[0-9a-z]{26}$/);
  await expect(page.getByText('All changes saved (version 1)')).toBeVisible();
  const policyUrl = page.url();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'deploy-production' })).toBeVisible();
  await expect(page.getByRole('region', { name: /Kept as written/ })).toContainText('Statement 2 (Deny)');
  await expect(json).toContainText(`"${prefix}:aud": "sts.amazonaws.com"`);
  await expect(page.getByRole('listitem', { name: /^missing-aud-condition/ })).toHaveCount(0);
  // Imported and fixed rows are no preset's: the picker reopens on Custom.
  await expect(page.getByRole('radio', { name: /^Custom/ })).toBeChecked();
  await page.getByRole('link', { name: 'Trust policies', exact: true }).first().click();
  await expect(page.getByRole('link', { name: 'deploy-production' })).toBeVisible();
  await snap(page, '55-trust-policies-list');

  // Someone else saves first: this page's save is refused, nothing is overwritten, Reload shows theirs.
  await page.goto(policyUrl);
  await page.getByLabel('Description (optional)').fill('mine');
  const policyId = policyUrl.split('/').pop() ?? '';
  await call(page.request, 'PUT', `/api/v1/orgs/${orgId}/trust-policies/${policyId}`, { name: 'deploy-production', description: 'theirs', version: 1, policy: imported });
  await page.getByRole('button', { name: 'Save changes' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'someone else changed this policy' });
  await expect(conflict).toBeVisible();
  await snap(page, '56-builder-conflict');
  await conflict.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByLabel('Description (optional)')).toHaveValue('theirs');
  await expect(page.getByText('All changes saved (version 2)')).toBeVisible();

});

test('a saved policy reopens on the preset and project that produced it', async ({ page, guard }) => {
  await signIn(page);
  const org = await call(page.request, 'POST', '/api/v1/orgs', { name: 'Preset Org', slug: `preset-${Math.random().toString(36).slice(2, 8)}` });
  const orgId = String(org.id);
  for (const slug of ['api', 'web']) {
    const project = await call(page.request, 'POST', `/api/v1/orgs/${orgId}/projects`, { name: slug.toUpperCase(), slug });
    await call(page.request, 'POST', `/api/v1/orgs/${orgId}/environments`, { projectId: project.id, name: `${slug} prod`, slug: 'prod', stage: 'production' });
  }
  await page.goto(`${BASE()}/orgs/${orgId}/trust-policies/new`);
  await page.getByLabel('Name', { exact: true }).fill('web-only');
  await page.getByLabel('AWS account ID').fill('123456789012');
  await page.getByRole('radio', { name: /^This project/ }).check();
  await page.getByLabel('Project', { exact: true }).selectOption('web');
  await page.getByRole('button', { name: 'Apply preset' }).click();
  await expect(page.getByRole('radio', { name: 'Admitted (1)' })).toBeVisible();
  // Unsaved: closing or reloading the tab would ask first.
  const leavingAsks = () => page.evaluate(() => !window.dispatchEvent(new Event('beforeunload', { cancelable: true })));
  expect(await leavingAsks()).toBe(true);
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page).toHaveURL(/\/trust-policies\/[0-9a-z]{26}$/);
  await expect(page.getByText('All changes saved (version 1)')).toBeVisible();
  expect(await leavingAsks()).toBe(false);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'web-only' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /^This project/ })).toBeChecked();
  await expect(page.getByLabel('Project', { exact: true })).toHaveValue('web');
  // The rows are still the preset's: applying another preset does not ask first.
  await page.getByRole('radio', { name: /^This organization/ }).check();
  await page.getByRole('button', { name: 'Apply preset' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'Admitted (2)' })).toBeVisible();

  // A second policy with the same name: the 409 is shown on the Name field itself.
  guard.allowHttpError(409);
  await page.goto(`${BASE()}/orgs/${orgId}/trust-policies/new`);
  await page.getByLabel('Name', { exact: true }).fill('web-only');
  await page.getByLabel('AWS account ID').fill('123456789012');
  await page.getByRole('button', { name: 'Save policy' }).click();
  const name = page.getByLabel('Name', { exact: true });
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/A trust policy named "web-only" already exists in this organization\./);
  await expect(page).toHaveURL(/\/trust-policies\/new$/);
});

test('with session tags on, the reach preview refuses every environment until sts:TagSession is allowed', async ({ page }) => {
  await signIn(page);
  const org = await call(page.request, 'POST', '/api/v1/orgs', { name: 'Tags Org', slug: `tags-${Math.random().toString(36).slice(2, 8)}` });
  const orgId = String(org.id);
  const issuer = await call(page.request, 'GET', `/api/v1/orgs/${orgId}/issuer`, undefined);
  await call(page.request, 'PATCH', `/api/v1/orgs/${orgId}/issuer`, { sessionTags: true, version: issuer.version });
  const project = await call(page.request, 'POST', `/api/v1/orgs/${orgId}/projects`, { name: 'Web', slug: 'web' });
  await call(page.request, 'POST', `/api/v1/orgs/${orgId}/environments`, { projectId: project.id, name: 'Web prod', slug: 'prod', stage: 'production' });
  await page.goto(`${BASE()}/orgs/${orgId}/trust-policies/new`);
  await page.getByLabel('AWS account ID').fill('123456789012');
  const allowTagSession = page.getByRole('checkbox', { name: /Allow sts:TagSession/ });
  await expect(allowTagSession).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Admitted (1)' })).toBeVisible();
  await allowTagSession.uncheck();
  await expect(page.getByRole('radio', { name: 'Refused (1)' })).toBeVisible();
  await expect(page.getByText(/the token carries session tags, so sts:TagSession must be allowed too/).first()).toBeVisible();
  await snap(page, 'trust-policy-builder-tag-session-refused');
  await allowTagSession.check();
  await expect(page.getByRole('radio', { name: 'Admitted (1)' })).toBeVisible();
});
