import { expect, MAIN_URL, required, seedOrganization, signInAsAdmin, snap, test } from '../support/test';

const EMAIL = () => required('TRUSTBRIDGE_E2E_ADMIN_EMAIL');
const PASSWORD = () => required('TRUSTBRIDGE_E2E_ADMIN_PASSWORD');

test('signed-out visitors of any page are sent to sign-in, and come back to the organization after signing in', async ({ page, context }) => {
  const seeded = await seedOrganization(page, 'Return Org');
  await context.clearCookies();
  for (const path of ['/', '/orgs/new', `/orgs/${seeded.orgId}`, `/orgs/${seeded.orgId}/audit`, `/orgs/${seeded.orgId}/aws`, '/orgs/01m8474fmb8q3dvcafhgt5c8g9/settings']) {
    await page.goto(`${MAIN_URL()}${path}`);
    await expect(page, path).toHaveURL(/\/sign-in(\?next=.*)?$/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  }
  await page.goto(`${MAIN_URL()}/orgs/${seeded.orgId}`);
  await page.getByLabel('Email').fill(EMAIL());
  await page.getByLabel('Password').fill(PASSWORD());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(seeded.base);
  await expect(page.getByRole('heading', { level: 1, name: 'Return Org' })).toBeVisible();
});

test('a deep link survives signing in', async ({ page, context }) => {
  const seeded = await seedOrganization(page, 'Deep Link Org');
  await context.clearCookies();
  const target = `/orgs/${seeded.orgId}/environments/${seeded.envId}`;
  await page.goto(`${MAIN_URL()}${target}`);
  await expect(page).toHaveURL(`${MAIN_URL()}/sign-in?next=${encodeURIComponent(target)}`);
  await page.getByLabel('Email').fill(EMAIL());
  await page.getByLabel('Password').fill(PASSWORD());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${MAIN_URL()}${target}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Production' })).toBeVisible();
});

test('a wrong password is refused with a clear message, and nothing is signed in', async ({ page, guard }) => {
  guard.allowHttpError(401);
  await page.goto(`${MAIN_URL()}/sign-in`);
  await page.getByLabel('Email').fill(EMAIL());
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The email or password is not correct.' })).toBeVisible();
  await expect(page).toHaveURL(`${MAIN_URL()}/sign-in`);
  await snap(page, '20-sign-in-wrong-password');
  // The same message for an account that does not exist (no account enumeration).
  await page.getByLabel('Email').fill('nobody@example.com');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The email or password is not correct.' })).toBeVisible();
  expect((await page.request.get(`${MAIN_URL()}/api/v1/me`)).status()).toBe(401);
});

test('empty fields are named before anything is sent', async ({ page }) => {
  await page.goto(`${MAIN_URL()}/sign-in`);
  let sent = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/v1/auth/login')) sent++;
  });
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter a valid email address.')).toBeVisible();
  await expect(page.getByText('Enter your password.')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  expect(sent).toBe(0);
});

test('the sign-in form works from the keyboard alone (Tab, type, Enter), then sign out and in again', async ({ page }) => {
  await page.goto(`${MAIN_URL()}/sign-in`);
  await snap(page, '21-sign-in');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.keyboard.type(EMAIL());
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(PASSWORD());
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/orgs\/(new|[0-9a-z]{26})$/);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${MAIN_URL()}/sign-in`);
  await page.goto(`${MAIN_URL()}/`);
  await expect(page).toHaveURL(`${MAIN_URL()}/sign-in`);
  expect((await page.request.get(`${MAIN_URL()}/api/v1/me`)).status()).toBe(401);

  await page.getByLabel('Email').fill(EMAIL());
  await page.getByLabel('Password').fill(PASSWORD());
  await page.getByLabel('Password').press('Enter');
  await expect(page).toHaveURL(/\/orgs\/(new|[0-9a-z]{26})$/);
  expect((await page.request.get(`${MAIN_URL()}/api/v1/me`)).status()).toBe(200);
});

test('a signed-in person who opens /sign-in goes to the app instead', async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto(`${MAIN_URL()}/sign-in`);
  await expect(page).toHaveURL(/\/orgs\/(new|[0-9a-z]{26})$/);
});
