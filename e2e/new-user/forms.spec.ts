import { expect, MAIN_URL, apiPost, signInAsAdmin, snap, test, unique } from '../support/test';

// Issue 12.6: an API refusal that names a field is said once, on that field (not also in a banner),
// and goes away when the field changes.

test('a taken organization slug is shown once, on the Slug field, until the slug changes', async ({ page, guard }) => {
  guard.allowHttpError(409);
  await signInAsAdmin(page);
  const taken = unique('taken');
  await apiPost(page.request, '/api/v1/orgs', { name: 'First', slug: taken });
  await page.goto(`${MAIN_URL()}/orgs/new`);
  await page.getByLabel('Organization name').fill('Second');
  const slug = page.getByLabel('Slug');
  await slug.fill(taken);
  await page.getByRole('button', { name: 'Create organization' }).click();
  const message = `The organization slug "${taken}" is taken. Choose another.`;
  await expect(slug).toHaveAccessibleDescription(message);
  await expect(page.getByText(message)).toHaveCount(1);
  await expect(page.locator('form').getByRole('alert')).toHaveCount(0);
  await snap(page, '61-organization-slug-taken');
  await slug.fill(`${taken}-2`);
  await expect(page.getByText(message)).toHaveCount(0);
  await expect(slug).not.toHaveAttribute('aria-invalid');
});
