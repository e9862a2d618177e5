import { apiPost, expect, MAIN_URL, signInAsAdmin, test, unique } from '../support/test';

test('two people editing the same environment: the second save is refused, nothing is lost', async ({ page, context }) => {
  await signInAsAdmin(page);
  const org = await apiPost(page.request, '/api/v1/orgs', { name: 'Conflict Org', slug: unique('conflict') });
  const project = await apiPost(page.request, `/api/v1/orgs/${org.id}/projects`, { name: 'Web', slug: 'web' });
  const env = await apiPost(page.request, `/api/v1/orgs/${org.id}/environments`, { projectId: project.id, name: 'Staging', slug: 'staging', stage: 'staging' });
  const url = `${MAIN_URL()}/orgs/${String(org.id)}/environments/${String(env.id)}`;
  const other = await context.newPage();
  await page.goto(url);
  await other.goto(url);

  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Environment name').fill('Staging EU');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Staging EU' })).toBeVisible();

  await other.getByRole('button', { name: 'Edit' }).click();
  await other.getByLabel('Environment name').fill('Staging US');
  await other.getByRole('button', { name: 'Save' }).click();
  await expect(other.getByRole('alert').filter({ hasText: 'changed by someone else' })).toBeVisible();

  const current = await (await page.request.get(`${MAIN_URL()}/api/v1/orgs/${String(org.id)}/environments/${String(env.id)}`)).json();
  expect(current).toMatchObject({ name: 'Staging EU', version: 2 });
});
