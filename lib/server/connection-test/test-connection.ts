import 'server-only';
import { explainStsFailure, type StsFailure } from '@/lib/domain/aws/sts-errors';
import { parseRoleArn } from '@/lib/domain/aws/arn';
import { CONNECTION_STEP_TITLES, type TConnectionTestResult } from '@/lib/schemas/credentials';
import { recordAudit } from '../audit/record-audit';
import type { OrgAccess } from '../auth/org-access';
import { assumeRoleWithWebIdentity, getCallerIdentity } from '../aws/sts-client';
import { durationAboveMaximum, findRecordedRole, type RecordedRole } from '../aws-roles/recorded-role';
import { getDb } from '../db/client';
import { AppError } from '../errors';
import { mintEnvironmentIdToken, type MintedIdToken } from '../oidc/mint-environment-id-token';
import { connectionTarget, type ConnectionTarget } from './connection-target';
import { precheckTrustPolicy, type Precheck } from './precheck-trust-policy';

// POST /api/v1/orgs/{orgId}/environments/{envId}/test-connection {credentialId?} (admins):
//   resolve   the credential to test (the effective one, or the one named)
//   mint      a signed ID token for the environment (audited as id_token.mint, purpose test_connection)
//   precheck  the recorded role's trust policy and MaxSessionDuration, when the AWS wizard recorded
//             the role (a prediction: it never stops the test)
//   assume    AssumeRoleWithWebIdentity through the server's STS client — STS is the authority
//   identity  GetCallerIdentity with the temporary credentials, which never leave the server
// Every failure is explained with its cause and fix (lib/domain/aws/sts-errors.ts, plus the
// evaluator's failing condition for AccessDenied). The test is audited as connection.test.

type Step = TConnectionTestResult['steps'][number];

const notRun = (id: Step['id'], title: string, why: string): Step => ({ id, status: 'skipped', title, detail: `Not run: ${why}.` });
const TITLES = CONNECTION_STEP_TITLES;

async function mint(access: OrgAccess, envId: string, target: ConnectionTarget): Promise<{ step: Step; minted: MintedIdToken | null }> {
  try {
    const minted = await mintEnvironmentIdToken(access, envId, { audience: target.audience, purpose: 'test_connection' });
    return { minted, step: { id: 'mint', status: 'ok', title: TITLES.mint, detail: `Signed with key ${minted.kid} for audience ${target.audience}, valid until ${minted.expiresAt.toISOString()} (recorded in the audit log as id_token.mint).` } };
  } catch (error) {
    if (!(error instanceof AppError) || error.status === 404) throw error;
    const fix =
      error.status === 400
        ? `Add "${target.audience}" to the organization's allowed audiences (issuer settings), or give the credential an allowed audience.`
        : 'Rotate the signing keys in the issuer settings, then test again.';
    return { minted: null, step: { id: 'mint', status: 'failed', title: TITLES.mint, detail: error.message, fix } };
  }
}

function precheckStep(role: RecordedRole | null, precheck: Precheck | null, target: ConnectionTarget): Step {
  if (!role || !precheck) return { id: 'precheck', status: 'skipped', title: TITLES.precheck, detail: `The role ${target.roleArn} is not recorded in Trustbridge's AWS wizard, so only STS can tell. Record it to get the failing condition named.` };
  const tooLong = durationAboveMaximum(role, target.durationSeconds);
  const problems = [precheck.admits ? null : precheck.detail, tooLong].filter((p): p is string => p !== null);
  if (problems.length === 0) return { id: 'precheck', status: 'ok', title: TITLES.precheck, detail: `${precheck.detail} ${target.durationSeconds} s is within its MaxSessionDuration (${role.maxSessionDuration} s).` };
  const fixes = [precheck.admits ? null : `Change the trust policy of ${role.name} (AWS wizard, role step) so that it admits this environment, or test a role that does.`, tooLong ? `Lower the duration to at most ${role.maxSessionDuration} s, or raise the role's MaxSessionDuration.` : null];
  return { id: 'precheck', status: 'failed', title: TITLES.precheck, detail: `${problems.join(' ')} STS is asked anyway: it has the last word.`, fix: fixes.filter(Boolean).join(' ') };
}

function assumeFailure(failure: StsFailure, target: ConnectionTarget, issuer: string, role: RecordedRole | null, precheck: Precheck | null) {
  const explained = explainStsFailure(failure, { roleArn: target.roleArn, durationSeconds: target.durationSeconds, audience: target.audience, issuer });
  let { fix, detail } = explained;
  if (explained.cause === 'access_denied') {
    if (precheck && !precheck.admits) fix = `The trust policy refuses it here: ${precheck.failing.replace(/\.$/, '')}. Change the trust policy of ${role?.name ?? 'the role'} (AWS wizard, role step) so that it admits this environment.`;
    else if (precheck?.admits) fix = `The recorded trust policy of ${role?.name ?? 'the role'} admits this token, so the role in AWS differs from the record (or does not exist): run Verify on the role in the AWS wizard. ${fix}`;
    else fix = `${fix} Record the role in the AWS wizard to have the failing condition named.`;
  }
  if (explained.cause === 'duration_exceeds_max' && role) detail = `${detail} The recorded MaxSessionDuration of ${role.name} is ${role.maxSessionDuration} s.`;
  return { explained, step: { id: 'assume' as const, status: 'failed' as const, title: TITLES.assume, detail: `${explained.title}. ${detail}`, fix } };
}

export async function testConnection(access: OrgAccess, envId: string, input: { credentialId?: string | undefined }): Promise<TConnectionTestResult> {
  const target = await connectionTarget(access, envId, input.credentialId);
  const base = { roleArn: target.roleArn, durationSeconds: target.durationSeconds, audience: target.audience, tested: target.tested, source: target.source, credentialId: target.credentialId, roleSessionName: target.roleSessionName };
  const steps: Step[] = [{ id: 'resolve', status: 'ok', title: TITLES.resolve, detail: target.description }];
  const result = await run(access, envId, target, steps);
  const outcome: TConnectionTestResult = { ok: result.ok, steps, ...base, ...result.extra };
  await recordAudit(getDb(), {
    orgId: access.orgId,
    actor: access.actor,
    action: 'connection.test',
    target: { type: 'environment', id: envId, label: target.environmentLabel },
    after: {
      ok: outcome.ok,
      tested: target.tested,
      source: target.source,
      objectId: target.credentialId,
      roleArn: target.roleArn,
      durationSeconds: target.durationSeconds,
      audience: target.audience,
      failedStep: steps.find((s) => s.status === 'failed')?.id ?? null,
      awsErrorCode: outcome.awsErrorCode ?? null,
      cause: outcome.cause ?? null,
      assumedRoleArn: outcome.assumedRoleArn ?? null,
    },
    requestId: access.meta.requestId,
    ipAddress: access.meta.ipAddress,
  });
  return outcome;
}

async function run(access: OrgAccess, envId: string, target: ConnectionTarget, steps: Step[]): Promise<{ ok: boolean; extra: Partial<TConnectionTestResult> }> {
  const minted = await mint(access, envId, target);
  steps.push(minted.step);
  if (!minted.minted) {
    steps.push(notRun('precheck', TITLES.precheck, 'no token'), notRun('assume', TITLES.assume, 'no token'), notRun('identity', TITLES.identity, 'no token'));
    return { ok: false, extra: {} };
  }
  const { token, claims } = minted.minted;
  const role = await findRecordedRole(getDb(), access.orgId, target.roleArn);
  const precheck = role ? precheckTrustPolicy(role, claims, target.roleSessionName) : null;
  steps.push(precheckStep(role, precheck, target));

  const parsedArn = parseRoleArn(target.roleArn);
  const partition = parsedArn.ok ? parsedArn.partition : 'aws';
  const assumed = await assumeRoleWithWebIdentity({ partition, roleArn: target.roleArn, roleSessionName: target.roleSessionName, durationSeconds: target.durationSeconds, webIdentityToken: token });
  if (!assumed.ok) {
    const failed = assumeFailure(assumed.failure, target, claims.iss, role, precheck);
    steps.push(failed.step, notRun('identity', TITLES.identity, 'STS gave no credentials'));
    return { ok: false, extra: { awsErrorCode: assumed.failure.code, cause: failed.explained.cause } };
  }
  const { credentials, assumedRoleArn } = assumed.value;
  const expiration = credentials.expiration.toISOString();
  const contradicted = precheck !== null && !precheck.admits;
  steps.push({
    id: 'assume',
    status: 'ok',
    title: TITLES.assume,
    detail: `STS issued credentials for ${assumedRoleArn || target.roleArn}, valid until ${expiration}.${contradicted ? ' STS accepted although the recorded trust policy would refuse this token: the role in AWS differs from the record.' : ''}`,
    ...(contradicted ? { fix: 'Verify the role in the AWS wizard (it reads the role back from AWS and shows the differences), and apply or re-record it.' } : {}),
  });
  const identity = await getCallerIdentity(partition, credentials);
  if (!identity.ok) {
    const explained = explainStsFailure(identity.failure, { roleArn: target.roleArn, durationSeconds: target.durationSeconds, audience: target.audience, issuer: claims.iss });
    steps.push({ id: 'identity', status: 'failed', title: TITLES.identity, detail: `${explained.title}. ${explained.detail}`, fix: explained.fix });
    return { ok: false, extra: { awsErrorCode: identity.failure.code, cause: explained.cause, ...(assumedRoleArn ? { assumedRoleArn } : {}), expiration } };
  }
  steps.push({ id: 'identity', status: 'ok', title: TITLES.identity, detail: `AWS knows these credentials as ${identity.value.arn} in account ${identity.value.account}.` });
  return { ok: true, extra: { assumedRoleArn: identity.value.arn || assumedRoleArn, account: identity.value.account, expiration } };
}
