import { describe, expect, it } from 'vitest';
import { explainStsFailure, stsFailureFrom, type StsFailureCause } from './sts-errors';

const ctx = { roleArn: 'arn:aws:iam::123456789012:role/deploy', durationSeconds: 7200, audience: 'sts.amazonaws.com', issuer: 'https://tb.example.com/oidc/org1' };

// What STS answers (STS API Reference, AssumeRoleWithWebIdentity errors and common errors).
describe('explainStsFailure', () => {
  it.each<[string, string, number, StsFailureCause, RegExp]>([
    ['InvalidIdentityToken', 'No OpenIDConnect provider found in your account for https://tb.example.com/oidc/org1', 400, 'no_provider', /provider step/],
    ['InvalidIdentityToken', 'Incorrect token audience', 400, 'incorrect_audience', /Add "sts\.amazonaws\.com" to the provider's client IDs/],
    ['InvalidIdentityToken', "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements", 400, 'verification_key', /PUBLIC_URL must be a public https URL/],
    ['InvalidIdentityToken', 'The ID Token provided is not a valid JWT.', 400, 'invalid_token', /issuer/],
    ['ExpiredTokenException', 'Token expired: current date/time 1700000600 must be before the expiration date/time 1700000000', 400, 'expired_token', /clock/],
    ['IDPCommunicationError', 'The request could not be fulfilled because the identity provider (IDP) that was asked to verify the incoming identity token could not be reached.', 400, 'idp_communication', /PUBLIC_URL/],
    ['AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403, 'access_denied', /trust policy/],
    ['ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.', 400, 'duration_exceeds_max', /MaxSessionDuration/],
    ['ValidationError', "1 validation error detected: Value 'x' at 'roleSessionName' failed to satisfy constraint", 400, 'validation', /session name/],
    ['Throttling', 'Rate exceeded', 400, 'throttled', /Retry/],
    ['PackedPolicyTooLarge', 'Session tags too large', 400, 'packed_policy_too_large', /session tags/],
    ['RegionDisabledException', 'STS is not activated in this region', 403, 'region_disabled', /Activate/],
    ['InternalFailure', 'oops', 500, 'aws_error', /Retry/],
  ])('%s (%s) → %s', (code, message, httpStatus, cause, fix) => {
    const e = explainStsFailure({ code, message, httpStatus }, ctx);
    expect(e.cause).toBe(cause);
    expect(e.fix).toMatch(fix);
    expect(e.title.length).toBeGreaterThan(0);
  });

  it('names the duration and the account in its explanations', () => {
    expect(explainStsFailure({ code: 'ValidationError', message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.' }, ctx).detail).toContain('7200');
    expect(explainStsFailure({ code: 'InvalidIdentityToken', message: 'No OpenIDConnect provider found in your account for x' }, ctx).detail).toContain('123456789012');
  });
});

describe('stsFailureFrom', () => {
  it('reads an SDK service exception: name = code, message, HTTP status', () => {
    const error = Object.assign(new Error('Not authorized to perform sts:AssumeRoleWithWebIdentity'), { name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 } });
    expect(stsFailureFrom(error)).toEqual({ code: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity', httpStatus: 403 });
  });

  it('reads network failures (no HTTP answer) as unreachable', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(stsFailureFrom(refused)).toEqual({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' });
    expect(explainStsFailure(stsFailureFrom(refused), ctx).cause).toBe('unreachable');
    const timeout = Object.assign(new Error('timed out'), { name: 'TimeoutError' });
    expect(explainStsFailure(stsFailureFrom(timeout), ctx).cause).toBe('unreachable');
  });
});
