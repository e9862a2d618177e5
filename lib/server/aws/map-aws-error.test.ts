import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { AWS_MAX_ATTEMPTS } from './aws-clients';
import { mapAwsError, scrubAwsText, type AwsCallContext } from './map-aws-error';

// The mapping at the SDK client boundary: a local HTTP server answers with IAM's real XML error
// bodies, the real SDK parses them (with its real retries), and mapAwsError must give each class
// its stable code, status and a message with the fix — and never pass a secret on.

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const ctx: AwsCallContext = { operation: 'role.apply', action: 'iam:CreateRole', resource: 'arn:aws:iam::123456789012:role/deploy', target: { accountId: '123456789012', roleArn: 'arn:aws:iam::123456789012:role/deploy' }, secrets: [KEY_ID, SECRET] };

let answer = { status: 400, code: 'Throttling', message: 'Rate exceeded' };
let requests = 0;
let server: Server;
let endpoint = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    requests += 1;
    req.resume();
    req.on('end', () => {
      res.writeHead(answer.status, { 'Content-Type': 'text/xml' });
      res.end(`<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>${answer.code}</Code><Message>${answer.message}</Message></Error><RequestId>4f2c7a9e-0000-4000-8000-000000000000</RequestId></ErrorResponse>`);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function mapped(status: number, code: string, message: string): Promise<AppError> {
  answer = { status, code, message };
  requests = 0;
  // The same retry settings as aws-clients.ts, with the backoff the SDK computes.
  const iam = new IAMClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET }, maxAttempts: AWS_MAX_ATTEMPTS, retryMode: 'standard' });
  try {
    await iam.send(new CreateRoleCommand({ RoleName: 'deploy', AssumeRolePolicyDocument: '{}' }));
  } catch (error) {
    return mapAwsError(error, ctx);
  }
  throw new Error('the call succeeded');
}

describe('mapAwsError with the SDK parsing real IAM error bodies', () => {
  it.each([
    [403, 'AccessDenied', `User: arn:aws:iam::123456789012:user/ci is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::123456789012:role/deploy`, 403, 'aws_access_denied', /refused iam:CreateRole .*minimal policy for this step/],
    [403, 'InvalidClientTokenId', 'The security token included in the request is invalid.', 400, 'aws_invalid_credentials', /does not accept these credentials/],
    [403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.', 400, 'aws_invalid_credentials', /secret access key/],
    [403, 'ExpiredToken', 'The security token included in the request is expired', 400, 'aws_invalid_credentials', /expired/],
    [409, 'EntityAlreadyExists', 'Role with name deploy already exists.', 409, 'aws_entity_exists', /already exists/],
    [400, 'MalformedPolicyDocument', 'Has prohibited field Resource', 400, 'aws_malformed_policy', /malformed \(Has prohibited field Resource\)/],
    [409, 'LimitExceeded', 'Cannot exceed quota for RolesPerAccount: 1000', 409, 'aws_limit_exceeded', /quota/],
    [400, 'Throttling', 'Rate exceeded', 429, 'aws_throttled', /throttling .*retried/],
    [404, 'NoSuchEntity', 'Policy arn:aws:iam::123456789012:policy/x does not exist or is not attachable.', 400, 'aws_not_found', /does not exist/],
    [409, 'DeleteConflict', 'Cannot delete entity, must remove roles from instance profile first.', 409, 'aws_delete_conflict', /instance profile/],
    [400, 'ValidationError', '1 validation error detected', 400, 'aws_validation_error', /refused iam:CreateRole/],
    [500, 'ServiceFailure', 'Internal failure', 502, 'aws_error', /ServiceFailure \(HTTP 500\)/],
  ])('HTTP %i %s (%s) → %i %s', async (httpStatus, awsCode, awsMessage, status, code, message) => {
    const error = await mapped(httpStatus, awsCode, awsMessage);
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.details?.awsCode).toBe(awsCode);
    expect(JSON.stringify({ m: error.message, d: error.details })).not.toContain(SECRET);
  });

  it('retries throttling with backoff before giving up, and says when to try again', async () => {
    const error = await mapped(400, 'Throttling', 'Rate exceeded');
    expect(requests).toBe(AWS_MAX_ATTEMPTS);
    expect(error.headers?.['Retry-After']).toBe('30');
  });

  it('does not retry what cannot succeed (access denied)', async () => {
    await mapped(403, 'AccessDenied', 'denied');
    expect(requests).toBe(1);
  });

  it('names the missing action and returns the minimal policy for the step', async () => {
    const error = await mapped(403, 'AccessDenied', 'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: iam:TagRole on resource: x');
    expect(error.details?.missingAction).toBe('iam:TagRole');
    expect(error.details?.requiredPolicy).toEqual({ Version: '2012-10-17', Statement: [expect.objectContaining({ Resource: 'arn:aws:iam::123456789012:role/deploy', Action: expect.arrayContaining(['iam:CreateRole', 'iam:TagRole']) })] });
  });

  it('scrubs pasted secrets and key material out of what AWS said', async () => {
    const error = await mapped(400, 'ValidationError', `bad key ${KEY_ID} secret ${SECRET} other AKIAZZZZZZZZZZZZZZZZ`);
    const text = JSON.stringify({ m: error.message, d: error.details });
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(KEY_ID);
    expect(text).not.toContain('AKIAZZZZZZZZZZZZZZZZ');
  });
});

describe('mapAwsError without an AWS answer', () => {
  it('an endpoint that refuses connections → 502 aws_unreachable', async () => {
    const iam = new IAMClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET }, maxAttempts: 1 });
    const error = await iam.send(new CreateRoleCommand({ RoleName: 'x', AssumeRolePolicyDocument: '{}' })).then(
      () => null,
      (e: unknown) => mapAwsError(e, ctx),
    );
    expect(error?.status).toBe(502);
    expect(error?.code).toBe('aws_unreachable');
  });
  it('no credentials anywhere → 400 aws_credentials_missing', () => {
    const error = mapAwsError(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }), ctx);
    expect([error.status, error.code]).toEqual([400, 'aws_credentials_missing']);
    expect(error.message).toMatch(/paste temporary credentials for account 123456789012/);
  });
  it('an AppError passes through unchanged', () => {
    const original = new AppError(400, 'aws_account_mismatch', 'x');
    expect(mapAwsError(original, ctx)).toBe(original);
  });
});

describe('scrubAwsText', () => {
  it('masks access key ids, 40-character secrets and long tokens; keeps ARNs readable', () => {
    expect(scrubAwsText(`user arn:aws:iam::123456789012:user/ci key ASIAIOSFODNN7EXAMPLE s ${SECRET} t ${'A'.repeat(200)}`, [])).toBe('user arn:aws:iam::123456789012:user/ci key [access key id] s [redacted] t [redacted]');
  });
});
