import { expect, seedOrganization, snap, test } from '../support/test';

// Issue 12.6: wherever the issuer URL is shown, a page says when AWS cannot trust it, why, and how
// to fix it. The e2e server runs with PUBLIC_URL=http://127.0.0.1:<port>: not https, a port, loopback.

test('the issuer URL warning is shown with its reasons on every page that shows the issuer', async ({ page }) => {
  const { base } = await seedOrganization(page, 'Warning Org');
  for (const [path, name] of [['', 'overview'], ['/settings', 'settings'], ['/settings/issuer', 'issuer-settings'], ['/trust-policies/new', 'builder']] as const) {
    await page.goto(`${base}${path}`);
    const warning = page.getByRole('status').filter({ hasText: 'AWS cannot trust this issuer URL' });
    await expect(warning, path).toBeVisible();
    await expect(warning).toContainText('not https');
    await expect(warning).toContainText('has a port');
    await expect(warning).toContainText('127.0.0.1 is this machine');
    await expect(warning).toContainText('Set PUBLIC_URL to the https origin of your TLS proxy');
    if (path === '/settings/issuer') {
      await page.setViewportSize({ width: 390, height: 844 });
      await snap(page, `67-issuer-warning-${name}-phone`);
      await page.setViewportSize({ width: 1280, height: 860 });
    }
  }
});
