import type { Page } from '@playwright/test';
import { apiPost, expect, MAIN_URL, openAsMember, seedOrganization, snap, test } from '../support/test';

// The claim inspector as a person uses it: a real token pasted, decoded without any request, the
// countdown ticking, the STS checks, a saved trust policy that refuses it with the failing condition
// named and the smallest fix, the fix opened in the builder; malformed input, Clear, the admin's
// signed mint; on a desktop and on a phone. The token never reaches a URL or browser storage.

async function storageHolds(page: Page, needle: string): Promise<boolean> {
  return page.evaluate((n) => JSON.stringify({ ...sessionStorage }).includes(n) || JSON.stringify({ ...localStorage }).includes(n), needle);
}

test('paste a real token, check it, evaluate it against a trust policy and open the fix in the builder', async ({ page }) => {
  const { orgId, projectId, envId, base } = await seedOrganization(page, 'Inspector Org');
  const staging = await apiPost(page.request, `/api/v1/orgs/${orgId}/environments`, { projectId, name: 'Staging', slug: 'staging', stage: 'staging' });
  const envToken = String((await apiPost(page.request, `/api/v1/orgs/${orgId}/environments/${envId}/tokens`, { name: 'e2e' })).token);
  const minted = await page.request.post(`${MAIN_URL()}/api/v1/idp/token`, { headers: { Authorization: `Bearer ${envToken}`, Origin: MAIN_URL() }, data: {} });
  expect(minted.status()).toBe(200);
  const token = String(((await minted.json()) as { token: string }).token);
  const org = await page.request.get(`${MAIN_URL()}/api/v1/orgs/${orgId}`);
  const issuer = String(((await org.json()) as { issuer: string }).issuer);
  const prefix = issuer.replace(/^https?:\/\//, '');
  const sub = `org:${orgId}:project:web-shop:environment:production`;
  const policy = await apiPost(page.request, `/api/v1/orgs/${orgId}/trust-policies`, {
    name: 'deploy-staging-only',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${prefix}` },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [`${prefix}:aud`]: 'sts.amazonaws.com', [`${prefix}:sub`]: `org:${orgId}:project:web-shop:environment:staging` } },
        },
      ],
    },
  });

  await page.goto(`${base}/inspector`);
  await expect(page.getByRole('heading', { level: 1, name: 'Claim inspector' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Paste a token to inspect it' })).toBeVisible();
  await expect(page.getByLabel('Against')).toBeEnabled();
  await expect(page.getByLabel('Environment', { exact: true })).toBeVisible();
  await snap(page, '60-inspector-empty');

  // Decoding needs no request: watch every request while the token is pasted and decoded.
  const requests: string[] = [];
  const record = (r: { method(): string; url(): string; postData(): string | null }) => requests.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`);
  page.on('request', record);
  await page.getByLabel('ID token (JWT)').fill(token);
  const claims = page.getByRole('table', { name: 'Claims of the token' });
  await expect(claims.getByRole('row', { name: /^sub/ })).toContainText(sub);
  await expect(claims.getByRole('row', { name: /^sub/ })).toContainText(`${prefix}:sub`);
  await expect(claims.getByRole('row', { name: /^environment_stage/ })).toContainText('Not visible to trust policies');
  await expect(page.getByRole('table', { name: 'Header of the token' })).toContainText('ES256');
  const timer = page.getByRole('timer', { name: 'Time until the token expires' });
  await expect(timer).toHaveText(/^\d+:\d\d$/);
  page.off('request', record);
  expect(requests.filter((r) => r.includes('/api/')), 'no API request to decode').toEqual([]);
  expect(requests.filter((r) => r.includes(token.split('.')[1] ?? token)), 'the token went nowhere').toEqual([]);

  // The countdown moves.
  const first = await timer.textContent();
  await expect.poll(async () => timer.textContent(), { timeout: 5_000 }).not.toBe(first);
  await snap(page, '61-inspector-decoded');

  // The server's STS checks: a real token passes all of them.
  await page.getByRole('button', { name: 'Run the STS checks' }).click();
  await expect(page.getByText('All 13 checks pass.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'STS checks' }).getByRole('listitem')).toHaveCount(13);

  // The saved trust policy refuses it: the failing condition, then the smallest fix.
  await page.getByLabel('Against').selectOption({ label: 'deploy-staging-only' });
  await page.getByRole('button', { name: 'Evaluate' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'ImplicitDeny' })).toBeVisible();
  await expect(page.getByText('Failing condition', { exact: true })).toBeVisible();
  await expect(page.getByText(`The condition StringEquals on ${prefix}:sub in statement 1 fails`)).toBeVisible();
  await expect(page.getByText(`Add this subject "${sub}" to StringEquals ${prefix}:sub`)).toBeVisible();
  await snap(page, '62-inspector-evaluated');
  expect(await storageHolds(page, token.split('.')[1] ?? token)).toBe(false);

  // Open the fix in the builder: the saved policy, with the fix applied and unsaved.
  await page.getByRole('button', { name: 'Open in the builder' }).click();
  await expect(page).toHaveURL(`${base}/trust-policies/${String(policy.id)}?from=inspector`);
  await expect(page.getByText('Opened from the claim inspector with its proposed fix applied')).toBeVisible();
  await expect(page.getByLabel('Trust policy JSON')).toContainText(sub);
  expect(page.url()).not.toContain(token.split('.')[1] ?? token);
  expect(await storageHolds(page, token.split('.')[1] ?? token)).toBe(false);
  expect(await page.evaluate(() => sessionStorage.length), 'the handed-over policy is taken once').toBe(0);
  await page.getByPlaceholder('eyJhbGciOi…').fill(token);
  await expect(page.getByRole('status').filter({ hasText: 'Allow' }).first()).toBeVisible();
  await snap(page, '63-builder-with-inspector-fix');

  // Malformed input says where it breaks; Clear wipes the token.
  await page.goto(`${base}/inspector`);
  const [h, p] = token.split('.');
  await page.getByLabel('ID token (JWT)').fill(`${h}.${p?.slice(0, 12)}+${p?.slice(12)}.sig`);
  await expect(page.getByRole('alert').filter({ hasText: 'Not a readable JWT: the payload breaks' })).toContainText('character 13 is "+"');
  await expect(page.getByLabel('Where it breaks')).toContainText('+');
  await snap(page, '64-inspector-malformed');
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByLabel('ID token (JWT)')).toHaveValue('');
  await expect(page.getByRole('heading', { name: 'Paste a token to inspect it' })).toBeVisible();

  // Claims of another environment (unsigned), evaluated against the same policy: that one is admitted.
  await page.getByLabel('Environment', { exact: true }).selectOption({ label: 'web-shop / staging (staging)' });
  await expect(page.getByRole('table', { name: 'Claims a token for this environment would carry' })).toContainText(String(staging.id));
  await page.getByLabel('Against').selectOption({ label: 'deploy-staging-only' });
  await page.getByRole('button', { name: 'Evaluate' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Allowed: this trust policy admits the token.' })).toBeVisible();

  // The admin mints a signed token (shown once) and inspects it.
  await page.getByLabel('Environment to mint for').selectOption({ label: 'web-shop / production (production)' });
  await page.getByRole('button', { name: 'Mint a signed token' }).click();
  await expect(page.getByText('Signed token for web-shop/production — shown once')).toBeVisible();
  await page.getByRole('button', { name: 'Inspect this token' }).click();
  await expect(page.getByRole('table', { name: 'Claims of the token' }).getByRole('row', { name: /^sub/ })).toContainText(sub);
  await page.getByRole('button', { name: 'Run the STS checks' }).click();
  await expect(page.getByText('All 13 checks pass.')).toBeVisible();

  // On a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('timer', { name: 'Time until the token expires' })).toBeVisible();
  await snap(page, '65-inspector-phone');
  await page.getByLabel('Against').selectOption({ label: 'deploy-staging-only' });
  await page.getByLabel('The pasted token').check();
  await page.getByRole('button', { name: 'Evaluate' }).click();
  await expect(page.getByText('Smallest fix', { exact: true })).toBeVisible();
  await snap(page, '66-inspector-phone-evaluated');
});

test('a member previews any environment’s claims and sees the fix, but cannot mint or open the builder', async ({ page, guard }) => {
  const { orgId, projectId, base } = await seedOrganization(page, 'Member Inspector Org');
  await apiPost(page.request, `/api/v1/orgs/${orgId}/environments`, { projectId, name: 'Staging', slug: 'staging', stage: 'staging' });
  const org = (await (await page.request.get(`${MAIN_URL()}/api/v1/orgs/${orgId}`)).json()) as { issuer: string };
  const prefix = org.issuer.replace(/^https?:\/\//, '');
  await apiPost(page.request, `/api/v1/orgs/${orgId}/trust-policies`, {
    name: 'production-only',
    policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${prefix}` }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${prefix}:aud`]: 'sts.amazonaws.com', [`${prefix}:sub`]: `org:${orgId}:project:web-shop:environment:production` } } }] },
  });
  const member = await openAsMember(page, guard, orgId);

  await member.goto(`${base}/inspector`);
  await expect(member.getByRole('heading', { level: 1, name: 'Claim inspector' })).toBeVisible();
  await expect(member.getByRole('button', { name: 'Mint a signed token' })).toHaveCount(0);
  await member.getByLabel('Environment', { exact: true }).selectOption({ label: 'web-shop / staging (staging)' });
  await expect(member.getByRole('table', { name: 'Claims a token for this environment would carry' })).toContainText(`org:${orgId}:project:web-shop:environment:staging`);
  await member.getByLabel('Against').selectOption({ label: 'production-only' });
  await member.getByRole('button', { name: 'Evaluate' }).click();
  await expect(member.getByText(`Add this subject "org:${orgId}:project:web-shop:environment:staging" to StringEquals ${prefix}:sub`)).toBeVisible();
  await expect(member.getByText('Only owners and admins can change trust policies: copy the JSON for them.')).toBeVisible();
  await expect(member.getByRole('button', { name: 'Open in the builder' })).toHaveCount(0);
  await snap(member, '67-inspector-member');
});
