import 'server-only';
import { DEFAULT_CREDENTIAL_AUDIENCE } from '@/lib/domain/aws/effective-credential';
import type { Tx } from '../db/client';
import { badRequest, notFound } from '../errors';
import { readIssuerSettings } from '../oidc/issuer-settings';
import { durationAboveMaximum, findRecordedRole } from '../aws-roles/recorded-role';

// Rules a credential or an override must satisfy before it is stored, each failing with 400
// `invalid_request` and an issue on the field at fault (forms show it there).

/** A project of this organization; another org's project is as unknown as a missing one. */
export async function requireProjectOfOrg(tx: Tx, orgId: string, projectId: string): Promise<{ id: string; slug: string; name: string }> {
  const project = await tx.project.findFirst({ where: { id: projectId, orgId }, select: { id: true, slug: true, name: true } });
  if (!project) throw badRequest('No such project in this organization.', [{ path: 'projectId', message: 'No such project in this organization.' }]);
  return project;
}

/** The audience must be one of the organization's allowed audiences (issuer settings); absent → sts.amazonaws.com. */
export async function allowedAudience(tx: Tx, orgId: string, audience: string | undefined): Promise<string> {
  const row = await tx.issuerSettings.findUnique({ where: { orgId } });
  if (!row) throw notFound('organization');
  const allowed = readIssuerSettings(row).audiences;
  const wanted = audience ?? DEFAULT_CREDENTIAL_AUDIENCE;
  if (!allowed.includes(wanted)) {
    const message = `"${wanted}" is not one of this organization's allowed audiences (${allowed.join(', ')}). Add it in the issuer settings or choose one of them.`;
    throw badRequest(message, [{ path: 'audience', message }]);
  }
  return wanted;
}

/** AWS: DurationSeconds ≤ the role's MaxSessionDuration — checked when the role is recorded by the AWS wizard. */
export async function requireDurationWithinRole(tx: Tx, orgId: string, roleArn: string, durationSeconds: number): Promise<void> {
  const problem = durationAboveMaximum(await findRecordedRole(tx, orgId, roleArn), durationSeconds);
  if (problem) throw badRequest(problem, [{ path: 'durationSeconds', message: problem }]);
}
