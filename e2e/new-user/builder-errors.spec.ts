import { expect, seedOrganization, snap, test } from '../support/test';

// Issue 12.6: a failed save of the trust-policy builder names every missing field at once, and each
// error goes away as soon as its field is filled in (on the field and in the save bar).

test('a failed save names every missing field; each error clears as its field becomes valid', async ({ page }) => {
  const { base } = await seedOrganization(page, 'Builder Errors Org');
  await page.goto(`${base}/trust-policies/new`);
  await expect(page.getByRole('heading', { level: 1, name: 'New trust policy' })).toBeVisible();
  const name = page.getByLabel('Name', { exact: true });
  const account = page.getByLabel('AWS account ID');
  await page.getByRole('button', { name: 'Save policy' }).click();

  const notSaved = page.getByRole('alert').filter({ hasText: 'Not saved' });
  await expect(notSaved).toContainText('Name: Enter a name.');
  await expect(notSaved).toContainText('AWS account ID: Enter the 12-digit AWS account id.');
  await expect(notSaved).toBeInViewport();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('Enter a name.');
  await expect(account).toHaveAttribute('aria-invalid', 'true');
  await snap(page, '60-builder-every-missing-field');

  await name.fill('deploy-production');
  await expect(name).not.toHaveAttribute('aria-invalid');
  await expect(page.getByText('Enter a name.')).toHaveCount(0);
  await expect(notSaved).not.toContainText('Name:');
  await expect(notSaved).toContainText('AWS account ID');

  await account.fill('1234');
  await expect(account).toHaveAttribute('aria-invalid', 'true');
  await account.fill('123456789012');
  await expect(account).not.toHaveAttribute('aria-invalid');
  await expect(notSaved).toHaveCount(0);

  // Emptied again after the failed save: the error comes back at once.
  await name.fill('');
  await expect(name).toHaveAccessibleDescription('Enter a name.');
  await name.fill('deploy-production');
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page).toHaveURL(/\/trust-policies\/[0-9a-z]{26}$/);
  await expect(page.getByText('All changes saved (version 1)')).toBeVisible();
  await expect(page.locator('form').getByRole('alert')).toHaveCount(0);
});
