import { expectNotClipped, expectNotCovered } from '../support/layout';
import { apiPost, expect, seedOrganization, snap, test } from '../support/test';

// Issue 12.6: the token-created dialog shows the whole `export TRUSTBRIDGE_TOKEN=…` line (not cut off,
// not under the Copy button), and on a phone the token table shows each token's Created date and
// its Revoke button without scrolling sideways.

test('the token-created dialog shows every line of the commands, on a desktop and on a phone', async ({ page }) => {
  const { envId, base } = await seedOrganization(page, 'Token Dialog Org');
  for (const [width, height] of [[1280, 860], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await page.goto(`${base}/environments/${envId}`);
    await page.getByRole('button', { name: 'New token' }).click();
    await page.getByLabel('Token name').fill(`ci-${width}`);
    await page.getByRole('button', { name: 'Create token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Copy your token now' });
    const token = (await dialog.getByLabel('Environment token').textContent()) ?? '';
    const commands = dialog.getByLabel('Environment variables');
    await expect(commands).toContainText(`export TRUSTBRIDGE_TOKEN=${token}`);
    await expectNotClipped(commands, 'the commands');
    await expectNotCovered(commands, dialog.getByRole('button', { name: /Copy/ }).last(), 'the commands');
    await snap(page, `68-token-dialog-${width}`);
    await dialog.getByRole('button', { name: 'I have copied the token' }).click();
  }
});

test('on a phone the token table shows Created and Revoke without scrolling sideways', async ({ page }) => {
  const { orgId, envId, base } = await seedOrganization(page, 'Token Table Org');
  await apiPost(page.request, `/api/v1/orgs/${orgId}/environments/${envId}/tokens`, { name: 'Deploy pipeline for the web shop', expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString() });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/environments/${envId}`);
  const row = page.getByRole('row', { name: /Deploy pipeline/ });
  await expect(row.getByRole('button', { name: 'Revoke token Deploy pipeline for the web shop' })).toBeInViewport({ ratio: 1 });
  await expect(row.locator('time').first()).toBeInViewport({ ratio: 1 });
  await expectNotClipped(row.locator('xpath=ancestor::table/..'), 'the token table');
  await snap(page, '69-environment-tokens-phone');
});
