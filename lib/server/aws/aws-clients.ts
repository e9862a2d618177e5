import 'server-only';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import type { Partition } from '@/lib/domain/aws/arn';
import type { TAwsCredentials } from '@/lib/schemas/aws';

// IAM and STS clients. Credentials an admin pasted are used for this one request only: they live
// in the client object of the request and nowhere else (never stored, logged, audited or echoed).
// Without them the SDK's default credential chain applies (environment, shared files, container or
// instance role). Endpoints come from the SDK's own AWS_ENDPOINT_URL_IAM / AWS_ENDPOINT_URL_STS,
// so tests talk to an emulator and production to AWS with no code difference.
//
// Faults are bounded: 3 attempts with the SDK's standard retry strategy (exponential backoff with
// jitter for throttling and transient errors), 3 s to connect and 10 s per request, so an
// unreachable endpoint is answered (502 aws_unreachable) within seconds.

export const AWS_MAX_ATTEMPTS = 3;
// throwOnRequestTimeout: without it the SDK only warns when requestTimeout passes and keeps waiting.
const HANDLER = { connectionTimeout: 3_000, requestTimeout: 10_000, throwOnRequestTimeout: true };

// The SDK would print a multi-line "NodeVersionSupportWarning" (its releases after January 2027
// need Node 22) into our JSON-lines log. The SDK versions are pinned in package.json, so the
// notice says nothing about this build; the README's Deployment section says it instead.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** IAM is global: requests are signed for the partition's home Region. */
const SIGNING_REGION: Record<Partition, string> = { aws: 'us-east-1', 'aws-cn': 'cn-north-1', 'aws-us-gov': 'us-gov-west-1' };

export interface AwsClients {
  iam: IAMClient;
  sts: STSClient;
  /** The pasted secrets, so error messages can be scrubbed of them; empty for the default chain. */
  secrets: string[];
}

const defaultChainClients = new Map<Partition, AwsClients>();

function build(partition: Partition, credentials: TAwsCredentials | undefined): AwsClients {
  const config = {
    region: SIGNING_REGION[partition],
    maxAttempts: AWS_MAX_ATTEMPTS,
    retryMode: 'standard',
    requestHandler: HANDLER,
    ...(credentials
      ? { credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}) } }
      : {}),
  };
  const secrets = credentials ? [credentials.accessKeyId, credentials.secretAccessKey, ...(credentials.sessionToken ? [credentials.sessionToken] : [])] : [];
  return { iam: new IAMClient(config), sts: new STSClient(config), secrets };
}

/** Clients for one request: with pasted credentials, or the server's default chain (shared, it caches what it resolves). */
export function awsClients(partition: Partition, credentials?: TAwsCredentials): AwsClients {
  if (credentials) return build(partition, credentials);
  let clients = defaultChainClients.get(partition);
  if (!clients) {
    clients = build(partition, undefined);
    defaultChainClients.set(partition, clients);
  }
  return clients;
}

/** Drops a request's clients (their sockets and the pasted credentials they hold). */
export function releaseAwsClients(clients: AwsClients): void {
  if (clients.secrets.length === 0) return;
  clients.iam.destroy();
  clients.sts.destroy();
  clients.secrets.length = 0;
}
