// What `idp login aws` and `idp credential-process` share: decide the role (--role-arn >
// TRUSTBRIDGE_AWS_ROLE_ARN > the environment's effective credential), the duration (--duration-seconds
// > the effective credential's > 3600), the audience and the Region; mint an ID token; trade it
// with STS. Inputs are checked here before any network call, each message naming the limit.
import { parseRoleArn } from '../../lib/domain/aws/arn';
import { DEFAULT_CREDENTIAL_AUDIENCE, roleSessionNameForEnvironment } from '../../lib/domain/aws/effective-credential';
import { DURATION_SECONDS_DEFAULT, DURATION_SECONDS_MAX, DURATION_SECONDS_MIN } from '../../lib/domain/aws/limits';
import { REGION_PATTERN, stsRegionFor } from '../../lib/domain/aws/sts-region';
import { fetchIdToken } from '../commands/idp-token';
import { readConfig } from '../config';
import { CliError, EXIT } from '../exit-codes';
import { callTrustbridge } from '../http';
import { decodeJwt } from '../jwt';
import { assumeRoleWithWebIdentity, type AwsSession } from './sts';

export interface SessionOptions {
  roleArn?: string | undefined;
  durationSeconds?: string | undefined;
  region?: string | undefined;
}

interface EffectiveAws {
  source: string;
  roleArn: string;
  durationSeconds: number;
  audience: string;
  region: string | null;
  roleSessionName: string;
}

export interface ResolvedSession extends AwsSession {
  roleArn: string;
  /** Where the role came from: --role-arn, TRUSTBRIDGE_AWS_ROLE_ARN, or the effective credential's source. */
  roleFrom: string;
  region: string | null;
}

function checkRoleArn(value: string, from: string, exitCode: number): string {
  const parsed = parseRoleArn(value);
  if (!parsed.ok) throw new CliError(`${from} is not an IAM role ARN: ${parsed.message}`, exitCode, 'invalid_role_arn');
  return value;
}

export function parseDurationSeconds(raw: string): number {
  const value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isInteger(value) || value < DURATION_SECONDS_MIN || value > DURATION_SECONDS_MAX) {
    throw new CliError(`--duration-seconds must be a whole number of seconds from ${DURATION_SECONDS_MIN} to ${DURATION_SECONDS_MAX} (AWS STS limits; at most the role's MaxSessionDuration), got "${raw}".`, EXIT.usage, 'usage');
  }
  return value;
}

export function parseRegion(raw: string): string {
  if (!REGION_PATTERN.test(raw)) throw new CliError(`--region must be an AWS Region such as us-east-1, got "${raw}".`, EXIT.usage, 'usage');
  return raw;
}

function isEffectiveAws(value: unknown): value is EffectiveAws {
  const v = value as Partial<EffectiveAws> | null;
  return !!v && typeof v.roleArn === 'string' && typeof v.durationSeconds === 'number' && typeof v.audience === 'string' && typeof v.roleSessionName === 'string';
}

async function effectiveCredential(url: string, token: string, roleGiven: boolean): Promise<EffectiveAws | null> {
  try {
    const data = await callTrustbridge(url, token, 'GET', '/api/v1/idp/aws');
    if (!isEffectiveAws(data)) throw new CliError('The server answered GET /api/v1/idp/aws without a credential.', EXIT.unavailable, 'bad_response');
    return data;
  } catch (error) {
    // A role given at run time needs nothing stored.
    if (roleGiven && error instanceof CliError && error.code === 'no_credential') return null;
    throw error;
  }
}

export async function obtainAwsSession(env: NodeJS.ProcessEnv, options: SessionOptions): Promise<ResolvedSession> {
  const fromFlag = options.roleArn === undefined ? undefined : checkRoleArn(options.roleArn.trim(), '--role-arn', EXIT.usage);
  const envRole = env.TRUSTBRIDGE_AWS_ROLE_ARN?.trim();
  const fromEnv = fromFlag === undefined && envRole ? checkRoleArn(envRole, 'TRUSTBRIDGE_AWS_ROLE_ARN', EXIT.configuration) : undefined;
  const duration = options.durationSeconds === undefined ? undefined : parseDurationSeconds(options.durationSeconds);
  const region = options.region === undefined ? undefined : parseRegion(options.region.trim());
  const config = readConfig(env);

  const effective = await effectiveCredential(config.url, config.token, (fromFlag ?? fromEnv) !== undefined);
  const roleArn = fromFlag ?? fromEnv ?? effective?.roleArn;
  if (!roleArn) throw new CliError('No AWS role to assume.', EXIT.refused, 'no_credential');
  const roleFrom = fromFlag ? '--role-arn' : fromEnv ? 'TRUSTBRIDGE_AWS_ROLE_ARN' : `the ${effective?.source ?? 'stored'} credential`;
  const audience = effective?.audience ?? DEFAULT_CREDENTIAL_AUDIENCE;
  const { token } = await fetchIdToken(env, audience);
  const claims = decodeJwt(token).claims as { iss?: unknown; project_slug?: unknown; environment_slug?: unknown };
  const roleSessionName = effective?.roleSessionName ?? roleSessionNameForEnvironment(String(claims.project_slug ?? 'trustbridge'), String(claims.environment_slug ?? 'environment'));
  const chosenRegion = region ?? effective?.region ?? null;
  const session = await assumeRoleWithWebIdentity({
    region: stsRegionFor(roleArn, chosenRegion ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION),
    roleArn,
    roleSessionName,
    durationSeconds: duration ?? effective?.durationSeconds ?? DURATION_SECONDS_DEFAULT,
    audience,
    issuer: typeof claims.iss === 'string' ? claims.iss : undefined,
    webIdentityToken: token,
  });
  return { ...session, roleArn, roleFrom, region: chosenRegion };
}
