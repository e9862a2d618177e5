import { expect, MAIN_URL, seedOrganization, snap, test } from '../support/test';

test('two tabs edit the same environment: the second save is refused with the conflict message, nothing is lost', async ({ page, context, guard }) => {
  guard.allowHttpError(409);
  const { orgId, envId, base } = await seedOrganization(page, 'Conflict Org', { name: 'Staging', slug: 'staging', stage: 'staging' });
  const url = `${base}/environments/${envId}`;
  const other = await context.newPage();
  await page.goto(url);
  await other.goto(url);
  await other.getByRole('button', { name: 'Edit' }).click();
  await other.getByLabel('Environment name').fill('Staging US');

  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Environment name').fill('Staging EU');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Staging EU' })).toBeVisible();

  await other.getByRole('button', { name: 'Save' }).click();
  const dialog = other.getByRole('dialog', { name: 'Edit environment' });
  await expect(dialog.getByRole('alert')).toHaveText('The environment was changed by someone else since you loaded it. Reload and apply your change again.');
  // The second person's typing is still there to apply again; the first person's save stands.
  await expect(dialog.getByLabel('Environment name')).toHaveValue('Staging US');
  await snap(other, '30-version-conflict');
  const api = async () => (await (await page.request.get(`${MAIN_URL()}/api/v1/orgs/${orgId}/environments/${envId}`)).json()) as { name: string; version: number };
  expect(await api()).toMatchObject({ name: 'Staging EU', version: 2 });

  await other.reload();
  await expect(other.getByRole('heading', { level: 1, name: 'Staging EU' })).toBeVisible();
  await other.getByRole('button', { name: 'Edit' }).click();
  await other.getByLabel('Environment name').fill('Staging US');
  await other.getByRole('button', { name: 'Save' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Staging US' })).toBeVisible();
  expect(await api()).toMatchObject({ name: 'Staging US', version: 3 });
});
