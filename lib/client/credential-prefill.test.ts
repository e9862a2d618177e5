import { describe, expect, it } from 'vitest';
import { credentialPrefill } from './credential-prefill';

const ARN = 'arn:aws:iam::123456789012:role/ci/deploy';

describe('credentialPrefill (the AWS wizard’s link to the new-credential form)', () => {
  it('only opens the form for new=1', () => {
    expect(credentialPrefill({})).toBeNull();
    expect(credentialPrefill({ new: '0', roleArn: ARN })).toBeNull();
    expect(credentialPrefill({ new: 'true' })).toBeNull();
    expect(credentialPrefill({ new: '1' })).toEqual({ roleArn: '', durationSeconds: '', ignored: [] });
  });

  it('takes a valid role ARN (trimmed) and duration', () => {
    expect(credentialPrefill({ new: '1', roleArn: ` ${ARN} `, durationSeconds: '7200' })).toEqual({ roleArn: ARN, durationSeconds: '7200', ignored: [] });
    expect(credentialPrefill({ new: ['1', '0'], roleArn: [ARN, 'x'], durationSeconds: ['900'] })).toEqual({ roleArn: ARN, durationSeconds: '900', ignored: [] });
    expect(credentialPrefill({ new: '1', roleArn: 'arn:aws-us-gov:iam::123456789012:role/x' })?.roleArn).toBe('arn:aws-us-gov:iam::123456789012:role/x');
  });

  it.each([
    ['arn:aws:iam::123456789012:user/ada', /names a user, not a role/],
    ['arn:aws:iam::1234:role/x', /12 digits/],
    ['<script>alert(1)</script>', /not an IAM role ARN/],
  ])('refuses the role ARN %s, naming why without echoing it', (roleArn, why) => {
    const prefill = credentialPrefill({ new: '1', roleArn, durationSeconds: '3600' });
    expect(prefill?.roleArn).toBe('');
    expect(prefill?.durationSeconds).toBe('3600');
    expect(prefill?.ignored).toHaveLength(1);
    expect(prefill?.ignored[0]).toMatch(why);
    if (roleArn.startsWith('<')) expect(prefill?.ignored[0]).not.toContain('<script>');
  });

  it.each([
    ['899', /900–43200/],
    ['43201', /900–43200/],
    ['3600.5', /whole number/],
    ['1e4', /whole number/],
    ['-900', /whole number/],
    ['9999999', /whole number/],
  ])('refuses the duration %s', (durationSeconds, why) => {
    const prefill = credentialPrefill({ new: '1', roleArn: ARN, durationSeconds });
    expect(prefill).toMatchObject({ roleArn: ARN, durationSeconds: '' });
    expect(prefill?.ignored[0]).toMatch(why);
  });
});
