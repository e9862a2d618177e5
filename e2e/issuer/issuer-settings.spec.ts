import { apiPost, expect, MAIN_URL, signInAsAdmin, test, unique } from '../support/test';

test('an admin changes the subject with a before/after review, and rotates a key', async ({ page }) => {
  await signInAsAdmin(page);
  const org = await apiPost(page.request, '/api/v1/orgs', { name: 'Issuer Org', slug: unique('issuer') });
  const project = await apiPost(page.request, `/api/v1/orgs/${org.id}/projects`, { name: 'Api', slug: 'api' });
  const env = await apiPost(page.request, `/api/v1/orgs/${org.id}/environments`, { projectId: project.id, name: 'Prod', slug: 'prod', stage: 'production' });
  const base = `${MAIN_URL()}/orgs/${String(org.id)}`;

  await page.goto(`${base}/settings/issuer`);
  await page.getByLabel('Token lifetime (minutes)').fill('15');
  await page.getByLabel('Add audience').fill('api://deploy');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('button', { name: 'Add stage' }).click();
  await expect(page.getByText('Saving changes the subject of every environment')).toBeVisible();
  await page.getByRole('button', { name: 'Save issuer settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change the subject of every environment?' });
  await expect(dialog.getByText(`org:${String(org.id)}:project:api:environment:prod:stage:production`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Change the subject' }).click();
  await expect(page.getByText('Issuer settings saved.')).toBeVisible();

  await page.goto(`${base}/environments/${String(env.id)}`);
  await expect(page.getByLabel('Subject')).toHaveText(`org:${String(org.id)}:project:api:environment:prod:stage:production`);

  await page.goto(`${base}/settings/keys`);
  await expect(page.getByRole('row').filter({ hasText: 'active' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Rotate now…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Rotate' }).click();
  const next = page.getByRole('row').filter({ hasText: 'next' });
  await expect(next).toHaveCount(1);
  const kid = ((await next.locator('code').first().textContent()) ?? '').trim();
  await next.getByRole('button', { name: /Emergency revoke/ }).click();
  await page.getByLabel(`Type ${kid.slice(0, 6)} to confirm`).fill(kid.slice(0, 6));
  await page.getByRole('button', { name: 'Revoke key', exact: true }).click();
  await expect(page.getByRole('row').filter({ hasText: kid })).toContainText('removed');
  const jwks = await (await page.request.get(`${MAIN_URL()}/oidc/${String(org.id)}/.well-known/jwks.json`)).json();
  expect((jwks as { keys: { kid: string }[] }).keys.map((k) => k.kid)).not.toContain(kid);
});
