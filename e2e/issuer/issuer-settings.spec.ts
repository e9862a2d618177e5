import { apiPost, expect, MAIN_URL, signInAsAdmin, snap, test, unique } from '../support/test';

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
  // Saved is said where the Save button is, not at the top of a long page.
  await expect(page.getByText('Issuer settings saved.')).toBeInViewport();

  await page.goto(`${base}/environments/${String(env.id)}`);
  await expect(page.getByLabel('Subject')).toHaveText(`org:${String(org.id)}:project:api:environment:prod:stage:production`);

  await page.goto(`${base}/settings/keys`);
  await expect(page.getByRole('row').filter({ hasText: 'active' })).toHaveCount(1);
  // The button does not promise "now" when the dialog's default is a scheduled rotation.
  await expect(page.getByRole('button', { name: /Rotate now/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Rotate key…' }).click();
  const rotate = page.getByRole('dialog', { name: 'Rotate the signing key' });
  await expect(rotate.getByLabel('Start signing with the new key')).toHaveValue('scheduled');
  await rotate.getByLabel('Start signing with the new key').selectOption('now');
  await expect(rotate.getByRole('button', { name: 'Rotate now' })).toBeVisible();
  await rotate.getByLabel('Start signing with the new key').selectOption('scheduled');
  await rotate.getByRole('button', { name: /^Rotate in \d+ hours$/ }).click();
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

test('saving the issuer settings says what happened next to the Save button, on a desktop and on a phone', async ({ page, guard }) => {
  guard.allowHttpError(400);
  await signInAsAdmin(page);
  const org = await apiPost(page.request, '/api/v1/orgs', { name: 'Saved Org', slug: unique('saved') });
  for (const [width, height] of [[1280, 860], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await page.goto(`${MAIN_URL()}/orgs/${String(org.id)}/settings/issuer`);
    const lifetime = page.getByLabel('Token lifetime (minutes)');
    const save = page.getByRole('button', { name: 'Save issuer settings' });
    // A value the server refuses: the refusal is on the field and next to Save.
    await lifetime.fill('0');
    await save.click();
    await expect(page.getByRole('alert').filter({ hasText: 'Token lifetime' })).toBeInViewport();
    await expect(lifetime).toHaveAttribute('aria-invalid', 'true');
    await lifetime.fill(width === 390 ? '12' : '11');
    await expect(lifetime).not.toHaveAttribute('aria-invalid');
    await save.click();
    await expect(save).toBeInViewport();
    const saved = page.getByRole('status').filter({ hasText: 'Issuer settings saved.' });
    await expect(saved).toBeInViewport();
    await snap(page, `62-issuer-saved-${width}`);
    // Changing anything again takes the message away.
    await lifetime.fill('13');
    await expect(saved).toHaveCount(0);
  }
});
