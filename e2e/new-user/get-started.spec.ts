import { apiPost, expect, MAIN_URL, seedOrganization, snap, test } from '../support/test';

// Issue 12.6: the overview's "Get started" is the whole journey as a checklist, each step linking to
// the page that does it (the builder included), with done / to do from the organization's data.

test('Get started walks the journey with a link per step and marks the steps that are done', async ({ page }) => {
  const { orgId, envId, base } = await seedOrganization(page, 'Journey Org');
  await page.goto(base);
  const steps = page.getByRole('list', { name: 'Get started' }).getByRole('listitem');
  const step = (title: string) => steps.filter({ has: page.getByText(title, { exact: true }) });
  const path = `/orgs/${orgId}`;
  const expected: [title: string, link: string, href: string][] = [
    ['Give AWS an issuer URL it can trust', 'Issuer settings', `${path}/settings/issuer`],
    ['Create the OIDC provider and a role in AWS', 'AWS setup', `${path}/aws`],
    ['Write the role’s trust policy', 'Trust policy builder', `${path}/trust-policies/new`],
    ['Store a deployment credential', 'Credentials', `${path}/credentials`],
    ['Give an environment a token', 'Tokens', `${path}/environments/${envId}`],
    ['Get AWS credentials in the workload', 'Inspector', `${path}/inspector`],
  ];
  await expect(steps).toHaveCount(expected.length);
  for (const [index, [title, link, href]] of expected.entries()) {
    await expect(steps.nth(index)).toContainText(title);
    await expect(step(title).getByRole('link', { name: link })).toHaveAttribute('href', href);
  }
  await expect(step('Get AWS credentials in the workload').getByLabel('Command')).toHaveText('trustbridge idp login aws');
  // PUBLIC_URL here is http://127.0.0.1:<port>: the issuer step is not done and says why.
  for (const title of expected.map((e) => e[0])) await expect(step(title)).toContainText('(to do)');
  await snap(page, '65-get-started-to-do');

  const created = await apiPost(page.request, `/api/v1/orgs/${orgId}/environments/${envId}/tokens`, { name: 'ci' });
  await apiPost(page.request, `/api/v1/orgs/${orgId}/trust-policies`, {
    name: 'deploy',
    policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/example.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }] },
  });
  expect((await page.request.post(`${MAIN_URL()}/api/v1/idp/token`, { headers: { Authorization: `Bearer ${String(created.token)}` } })).status()).toBe(200);
  await page.reload();
  await expect(step('Write the role’s trust policy')).toContainText('(done)');
  await expect(step('Write the role’s trust policy').getByRole('link', { name: 'Trust policies' })).toHaveAttribute('href', `${path}/trust-policies`);
  await expect(step('Give an environment a token')).toContainText('(done)');
  await expect(step('Get AWS credentials in the workload')).toContainText('(done)');
  await expect(step('Give AWS an issuer URL it can trust')).toContainText('(to do)');
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, '66-get-started-phone');
});
