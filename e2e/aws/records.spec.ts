import type { Locator, Page } from '@playwright/test';
import { requiredPolicy } from '../../lib/domain/aws/required-permissions';
import { motoClient, MOTO_ACCOUNT_ID } from '../../tests/support/moto';
import { apiPost, expect, MAIN_URL, required, seedOrganization, snap, test } from '../support/test';

// The AWS wizard on the main e2e server, whose PUBLIC_URL is http://127.0.0.1:<port>: AWS cannot use
// that issuer, so creating the provider in AWS is refused with the reason and the fix — and it can
// still be recorded (and edited) and done by hand from the exports. Then a role from a saved trust
// policy (the server's own AWS credentials: none here, explained), edited and applied, changed in
// AWS behind Trustbridge's back and that version taken into the record, deleted in AWS and deleted
// as a record, each explicitly and confirmed.

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const ACCESS_KEY_ID = 'AKIAE2ERECORDSKEY001';
const SECRET = 'e2e-records-secret-canary-77c2';

async function pasteCredentials(scope: Page | Locator): Promise<void> {
  await scope.getByLabel('Access key ID').fill(ACCESS_KEY_ID);
  await scope.getByLabel('Secret access key').fill(SECRET);
}

const records = (page: Page) => page.getByRole('table', { name: 'AWS providers and roles' });

test('http issuer refused; provider recorded by hand and edited; role from a saved policy edited, drift taken into the record, deleted in AWS and as a record', async ({ page, guard }) => {
  test.setTimeout(180_000);
  guard.allowHttpError(400);
  const moto = motoClient(required('TRUSTBRIDGE_E2E_MOTO_URL'));
  const { orgId, base } = await seedOrganization(page, 'AWS Records Org');
  const org = (await (await page.request.get(`${MAIN_URL()}/api/v1/orgs/${orgId}`)).json()) as { issuer: string };
  const prefix = org.issuer.replace(/^https?:\/\//, '');
  await apiPost(page.request, `/api/v1/orgs/${orgId}/trust-policies`, {
    name: 'deploy-anything-of-this-org',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::${MOTO_ACCOUNT_ID}:oidc-provider/${prefix}` },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [`${prefix}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${prefix}:sub`]: `org:${orgId}:*` } },
        },
      ],
    },
  });
  const roleName = `deploy-saved-${Math.random().toString(36).slice(2, 6)}`;

  // The provider: AWS cannot use this issuer — said on the step, and again with the fix when asked to apply.
  await page.goto(`${base}/aws`);
  await expect(page.getByRole('status').filter({ hasText: 'AWS cannot trust this issuer URL' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Trust chain' })).toContainText('AWS cannot use this issuer URL yet');
  await page.getByLabel('AWS account ID').fill(MOTO_ACCOUNT_ID);
  await pasteCredentials(page);
  await page.getByRole('button', { name: 'Create the provider in AWS' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'AWS cannot use this issuer URL' });
  await expect(refusal).toContainText('AWS only trusts https issuers');
  await expect(refusal).toContainText('Set PUBLIC_URL to the https origin of the TLS proxy');
  await expect(page.getByLabel('Secret access key')).toHaveValue('');
  await expect(page.getByRole('heading', { name: 'No provider or role recorded yet' })).toBeVisible();
  await snap(page, '82-aws-issuer-refused');
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, '82-aws-issuer-refused-phone');
  await page.setViewportSize({ width: 1280, height: 860 });

  // Done by hand instead: recorded, and the exports say how.
  await page.getByRole('tab', { name: "I'll do it myself" }).click();
  await page.getByRole('button', { name: 'Record it and show the steps' }).click();
  await expect(page).toHaveURL(/step=provider&providerId=/);
  await expect(page.getByRole('tab', { name: "I'll do it myself", selected: true })).toBeVisible();
  await expect(page.getByLabel(`Console steps for the OIDC provider in ${MOTO_ACCOUNT_ID}`)).toContainText(org.issuer);
  await page.getByRole('tab', { name: 'AWS CLI' }).click();
  await expect(page.getByLabel(`AWS CLI for the OIDC provider in ${MOTO_ACCOUNT_ID}`)).toContainText('aws iam create-open-id-connect-provider');
  await expect(records(page).getByRole('row', { name: /OIDC provider/ })).toContainText('Not applied');
  // Its client IDs can be edited (the account and URL cannot).
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Client IDs (audiences)').fill('sts.amazonaws.com\nmy-deploy-tool');
  await page.getByRole('button', { name: 'Save the provider' }).click();
  await expect(page.getByText('sts.amazonaws.com, my-deploy-tool', { exact: true })).toBeVisible();

  // The role from the saved policy; the server's own credentials are none here, and that is explained.
  await page.getByRole('link', { name: 'Next: the role' }).click();
  await page.getByLabel('Role name').fill(roleName);
  await page.getByRole('radio', { name: /Use a saved trust policy/ }).check();
  await expect(page.getByLabel('AWS account ID')).toHaveValue(MOTO_ACCOUNT_ID);
  await page.getByLabel('Saved trust policy', { exact: true }).selectOption({ label: 'deploy-anything-of-this-org' });
  await expect(page.getByRole('radio', { name: 'Admitted (1)' })).toBeVisible();
  await page.getByRole('tab', { name: 'Trustbridge does it' }).click();
  await page.getByRole('radio', { name: /Use the server's own AWS credentials/ }).check();
  await page.getByRole('button', { name: 'Create the role in AWS' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'No AWS credentials to use' })).toContainText('paste temporary credentials');
  await snap(page, '83-aws-no-server-credentials');
  await page.getByRole('radio', { name: /Paste temporary credentials/ }).check();
  await pasteCredentials(page);
  await page.getByRole('button', { name: 'Create the role in AWS' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Created in AWS' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'a saved trust policy' })).toBeVisible();
  expect(moto.aws(['iam', 'get-role', '--role-name', roleName]).status).toBe(0);

  // A refusal for a missing permission names the IAM action and offers the minimal policy to copy.
  // (moto here grants everything; the server's mapping of AccessDenied is tested in tests/http.
  // This answer has the exact shape the server sends.)
  guard.allowHttpError(403);
  const roleArn = `arn:aws:iam::${MOTO_ACCOUNT_ID}:role/${roleName}`;
  const policy = requiredPolicy('role.apply', { accountId: MOTO_ACCOUNT_ID, roleArn });
  await page.route(
    '**/aws/roles/*/apply',
    (route) =>
      route.fulfill({
        status: 403,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'aws_access_denied', message: `AWS refused iam:UpdateRole on ${roleArn}: the credentials are not allowed to create or update the role. Add iam:UpdateRole to their IAM policy; the minimal policy for this step (shown with this error) lists every action it needs.`, missingAction: 'iam:UpdateRole', requiredPolicy: policy, awsCode: 'AccessDenied', awsMessage: 'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: iam:UpdateRole', action: 'iam:UpdateRole', operation: 'role.apply' } }),
      }),
    { times: 1 },
  );
  await pasteCredentials(page);
  await page.getByRole('button', { name: 'Apply the record again' }).click();
  const denied = page.getByRole('alert').filter({ hasText: 'AWS refused: a permission is missing' });
  await expect(denied).toContainText('Missing IAM action: iam:UpdateRole');
  await expect(denied).toContainText('AWS said: AccessDenied');
  await expect(denied.getByLabel('Minimal IAM policy for this step')).toContainText('"iam:UpdateRole"');
  await denied.getByRole('button', { name: 'Copy: copy to clipboard' }).click();
  expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toEqual(policy);
  await snap(page, '85-aws-access-denied');

  // Edit: the record changes (not applied yet), then apply brings AWS along.
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Maximum session duration').selectOption({ label: '2 hours' });
  await page.getByRole('button', { name: 'Save the role' }).click();
  await expect(page.getByText('2 h (MaxSessionDuration 7200)')).toBeVisible();
  await expect(records(page).getByRole('row', { name: new RegExp(roleName) })).toContainText('Not applied');
  await pasteCredentials(page);
  await page.getByRole('button', { name: 'Apply the changes in AWS' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Updated in AWS' })).toBeVisible();
  expect((moto.aws(['iam', 'get-role', '--role-name', roleName]).json as { Role: { MaxSessionDuration: number } }).Role.MaxSessionDuration).toBe(7200);

  // Changed in the console behind Trustbridge's back: verify finds it, and the record takes AWS's version.
  expect(moto.aws(['iam', 'update-role', '--role-name', roleName, '--max-session-duration', '10800', '--description', 'edited in the console']).status).toBe(0);
  const roleUrl = page.url();
  await page.goto(roleUrl.replace('step=role', 'step=verify'));
  const panel = page.getByRole('region', { name: `Verify Role ${roleName}` });
  await pasteCredentials(page);
  await panel.getByRole('button', { name: 'Verify the role' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Drifted: 2 differences' })).toBeVisible();
  await expect(panel.getByRole('listitem', { name: 'Difference at maxSessionDuration' })).toContainText('10800');
  await expect(panel.getByRole('listitem', { name: 'Difference at description' })).toContainText('edited in the console');
  await pasteCredentials(page);
  await panel.getByRole('button', { name: "Take AWS's version into the record" }).click();
  await expect(panel.getByText("The record now holds AWS's version.")).toBeVisible();
  await expect(panel.getByRole('status').filter({ hasText: 'In sync' })).toBeVisible();
  await page.goto(roleUrl);
  await expect(page.getByText('3 h (MaxSessionDuration 10800)')).toBeVisible();
  await expect(page.getByText('edited in the console')).toBeVisible();

  // Delete in AWS: explicit, confirmed by the name; the record stays.
  await page.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete ${roleName}?` });
  await dialog.getByRole('radio', { name: /Delete the role in AWS/ }).check();
  await dialog.getByLabel(`Type ${roleName} to confirm`).fill('something else');
  await pasteCredentials(dialog);
  await dialog.getByRole('button', { name: 'Delete the role in AWS' }).click();
  await expect(dialog.getByText(`Type ${roleName} exactly to confirm.`)).toBeVisible();
  expect(moto.aws(['iam', 'get-role', '--role-name', roleName]).status).toBe(0);
  await dialog.getByLabel(`Type ${roleName} to confirm`).fill(roleName);
  await snap(page, '84-aws-delete-in-aws');
  await dialog.getByRole('button', { name: 'Delete the role in AWS' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted in AWS' })).toBeVisible();
  await expect(records(page).getByRole('row', { name: new RegExp(roleName) })).toContainText('Not applied');
  expect(moto.aws(['iam', 'get-role', '--role-name', roleName]).status).not.toBe(0);

  // Delete the record only: gone from the list, nothing asked of AWS.
  await page.getByRole('button', { name: 'Delete…' }).click();
  await dialog.getByRole('radio', { name: /Delete the record only/ }).check();
  await dialog.getByRole('button', { name: 'Delete the record' }).click();
  await expect(dialog).toBeHidden();
  await expect(records(page).getByRole('row', { name: new RegExp(roleName) })).toHaveCount(0);
  await expect(page).toHaveURL(/step=role$/);
  expect(page.url()).not.toContain(SECRET);
});
