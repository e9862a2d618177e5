import 'server-only';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { Partition } from '@/lib/domain/aws/arn';
import type { AwsOperation, PermissionTarget } from '@/lib/domain/aws/required-permissions';
import type { TAwsCredentials } from '@/lib/schemas/aws';
import { AppError } from '../errors';
import { log } from '../log';
import { awsClients, releaseAwsClients, type AwsClients } from './aws-clients';
import { mapAwsError } from './map-aws-error';

// One use case's conversation with AWS. It starts with sts:GetCallerIdentity (which needs no
// permission): the credentials work, and they belong to the record's account — otherwise nothing
// else is called (400 aws_account_mismatch). Every later call goes through `run`, which maps any
// failure to an AppError naming the action.

export interface AwsSession {
  readonly iam: IAMClient;
  readonly accountId: string;
  /** The caller's ARN (user or assumed role), for messages; never a secret. */
  readonly callerArn: string;
  run<T>(action: string, resource: string, send: () => Promise<T>): Promise<T>;
}

export interface OpenSessionInput {
  partition: Partition;
  accountId: string;
  credentials: TAwsCredentials | undefined;
  operation: AwsOperation;
  target: PermissionTarget;
  /** For the log line that says what was done in AWS (operation, account, outcome; never credentials). */
  requestId: string;
}

/** Runs `work` in a session and releases the request's clients (and the pasted credentials) after. */
export async function withAwsSession<T>(input: OpenSessionInput, work: (session: AwsSession) => Promise<T>): Promise<T> {
  const clients = awsClients(input.partition, input.credentials);
  const fields = { requestId: input.requestId, operation: input.operation, accountId: input.accountId, keys: input.credentials ? 'pasted' : 'server' };
  try {
    const result = await work(await open(clients, input));
    log.info('aws operation', { ...fields, outcome: 'ok' });
    return result;
  } catch (error) {
    if (error instanceof AppError) log.info('aws operation', { ...fields, outcome: error.code, awsCode: error.details?.awsCode ?? null });
    throw error;
  } finally {
    releaseAwsClients(clients);
  }
}

async function open(clients: AwsClients, input: OpenSessionInput): Promise<AwsSession> {
  const context = (action: string, resource: string) => ({ operation: input.operation, action, resource, target: input.target, secrets: clients.secrets });
  let identity: { Account?: string | undefined; Arn?: string | undefined };
  try {
    identity = await clients.sts.send(new GetCallerIdentityCommand({}));
  } catch (error) {
    throw mapAwsError(error, context('sts:GetCallerIdentity', `account ${input.accountId}`));
  }
  if (identity.Account !== input.accountId) {
    throw new AppError(
      400,
      'aws_account_mismatch',
      `These AWS credentials belong to account ${identity.Account ?? 'unknown'}, but this record is for account ${input.accountId}. Use credentials of account ${input.accountId} (check with: aws sts get-caller-identity).`,
      { awsAccountId: identity.Account ?? null, accountId: input.accountId, issues: [{ path: 'awsCredentials', message: `These credentials are for account ${identity.Account ?? 'unknown'}, not ${input.accountId}.` }] },
    );
  }
  return {
    iam: clients.iam,
    accountId: input.accountId,
    callerArn: identity.Arn ?? '',
    run: async (action, resource, send) => {
      try {
        return await send();
      } catch (error) {
        throw mapAwsError(error, context(action, resource));
      }
    },
  };
}
