import { expect, MAIN_URL, required, test } from '../support/test';

test('signed-out visitors are sent to sign-in and come back where they were going', async ({ page }) => {
  await page.goto(`${MAIN_URL()}/orgs/01m8474fmb8q3dvcafhgt5c8g9/audit`);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('a wrong password is refused with a clear message; the form works from the keyboard', async ({ page }) => {
  await page.goto(`${MAIN_URL()}/sign-in`);
  await page.getByLabel('Email').fill(required('TRUSTBRIDGE_E2E_ADMIN_EMAIL'));
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByLabel('Password').press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'The email or password is not correct.' })).toBeVisible();

  await page.getByLabel('Email').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(required('TRUSTBRIDGE_E2E_ADMIN_PASSWORD'));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/orgs\//);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto(`${MAIN_URL()}/`);
  await expect(page).toHaveURL(/\/sign-in$/);
});
