import 'server-only';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { stsFailureFrom, type StsFailure } from '@/lib/domain/aws/sts-errors';

// The server's STS calls (Test connection). The SDK reads its own AWS_ENDPOINT_URL_STS (tests and
// e2e point it at an emulator). AssumeRoleWithWebIdentity is unsigned (the ID token is the
// credential), so no server AWS credentials are involved; GetCallerIdentity is signed with the
// temporary credentials just obtained, which never leave this module's caller (never logged,
// returned or stored). Failures come back as values ({code, message, httpStatus}), not throws.

export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

export type StsResult<T> = { ok: true; value: T } | { ok: false; failure: StsFailure };

const TIMEOUTS = { connectionTimeout: 5_000, requestTimeout: 10_000, throwOnRequestTimeout: true };

function client(region: string, credentials?: Omit<TemporaryCredentials, 'expiration'>): STSClient {
  return new STSClient({ region, maxAttempts: 2, requestHandler: TIMEOUTS, ...(credentials ? { credentials } : {}) });
}

export async function assumeRoleWithWebIdentity(input: { region: string; roleArn: string; roleSessionName: string; durationSeconds: number; webIdentityToken: string }): Promise<StsResult<{ credentials: TemporaryCredentials; assumedRoleArn: string }>> {
  const sts = client(input.region);
  try {
    const out = await sts.send(
      new AssumeRoleWithWebIdentityCommand({ RoleArn: input.roleArn, RoleSessionName: input.roleSessionName, DurationSeconds: input.durationSeconds, WebIdentityToken: input.webIdentityToken }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) return { ok: false, failure: { code: 'IncompleteResponse', message: 'STS answered without credentials.' } };
    return {
      ok: true,
      value: { credentials: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration }, assumedRoleArn: out.AssumedRoleUser?.Arn ?? '' },
    };
  } catch (error) {
    return { ok: false, failure: stsFailureFrom(error) };
  } finally {
    sts.destroy();
  }
}

export async function getCallerIdentity(region: string, credentials: TemporaryCredentials): Promise<StsResult<{ arn: string; account: string }>> {
  const sts = client(region, credentials);
  try {
    const out = await sts.send(new GetCallerIdentityCommand({}));
    return { ok: true, value: { arn: out.Arn ?? '', account: out.Account ?? '' } };
  } catch (error) {
    return { ok: false, failure: stsFailureFrom(error) };
  } finally {
    sts.destroy();
  }
}
