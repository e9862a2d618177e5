import 'server-only';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { Partition } from '@/lib/domain/aws/arn';
import { stsFailureFrom, type StsFailure } from '@/lib/domain/aws/sts-errors';
import { awsClients, releaseAwsClients } from './aws-clients';

// Test connection's STS calls, through the shared client factory (aws-clients.ts: the SDK's own
// AWS_ENDPOINT_URL_STS, bounded retries and timeouts). AssumeRoleWithWebIdentity is unsigned — the
// ID token is the credential — so the server's own AWS credentials are never involved;
// GetCallerIdentity is signed with the temporary credentials just obtained, which live in that
// request's client only (never logged, returned or stored). Failures come back as values.

export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

export type StsResult<T> = { ok: true; value: T } | { ok: false; failure: StsFailure };

export async function assumeRoleWithWebIdentity(input: { partition: Partition; roleArn: string; roleSessionName: string; durationSeconds: number; webIdentityToken: string }): Promise<StsResult<{ credentials: TemporaryCredentials; assumedRoleArn: string }>> {
  try {
    const out = await awsClients(input.partition).sts.send(
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
  }
}

export async function getCallerIdentity(partition: Partition, credentials: TemporaryCredentials): Promise<StsResult<{ arn: string; account: string }>> {
  const clients = awsClients(partition, { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken });
  try {
    const out = await clients.sts.send(new GetCallerIdentityCommand({}));
    return { ok: true, value: { arn: out.Arn ?? '', account: out.Account ?? '' } };
  } catch (error) {
    return { ok: false, failure: stsFailureFrom(error) };
  } finally {
    releaseAwsClients(clients);
  }
}
