// The CLI's one STS call (the only @aws-sdk import under cli/; bundled into dist/trustbridge.mjs).
// AssumeRoleWithWebIdentity is unsigned — the ID token is the credential — so no AWS credentials
// are needed or looked up. The SDK honours AWS_ENDPOINT_URL_STS (and AWS_ENDPOINT_URL) itself.
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { explainStsFailure, stsFailureFrom } from '../../lib/domain/aws/sts-errors';
import { CliError, EXIT } from '../exit-codes';

export interface AwsSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  assumedRoleArn: string;
}

export interface AssumeInput {
  region: string;
  roleArn: string;
  roleSessionName: string;
  durationSeconds: number;
  audience: string;
  issuer?: string | undefined;
  webIdentityToken: string;
}

export async function assumeRoleWithWebIdentity(input: AssumeInput): Promise<AwsSession> {
  // stderr is for our own messages (credential_process callers show it): no SDK notice about Node 20.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const sts = new STSClient({ region: input.region, maxAttempts: 3, requestHandler: { connectionTimeout: 5_000, requestTimeout: 15_000, throwOnRequestTimeout: true } });
  try {
    const out = await sts.send(
      new AssumeRoleWithWebIdentityCommand({ RoleArn: input.roleArn, RoleSessionName: input.roleSessionName, DurationSeconds: input.durationSeconds, WebIdentityToken: input.webIdentityToken }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) throw new CliError('AWS STS answered without credentials.', EXIT.aws, 'IncompleteResponse');
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration, assumedRoleArn: out.AssumedRoleUser?.Arn ?? input.roleArn };
  } catch (error) {
    if (error instanceof CliError) throw error;
    const failure = stsFailureFrom(error);
    const e = explainStsFailure(failure, { roleArn: input.roleArn, durationSeconds: input.durationSeconds, audience: input.audience, issuer: input.issuer });
    throw new CliError(`AssumeRoleWithWebIdentity for ${input.roleArn} failed: ${e.title}.\n  ${e.detail}\n  Fix: ${e.fix}`, EXIT.aws, failure.code);
  } finally {
    sts.destroy();
  }
}
