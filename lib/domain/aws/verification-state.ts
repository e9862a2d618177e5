// The state of one link of the trust chain (provider or role), for badges and the chain picture:
// derived from the record's status, which is the outcome of the last thing done with AWS.
//   recorded  → the record has changes that were never applied (or the resource was deleted in AWS)
//   applied   → applied, not verified since
//   in_sync / drifted → the last verification's answer
//   failed    → the last apply or verification failed (lastApply / lastVerification say why)

export const AWS_RECORD_STATUSES = ['recorded', 'applied', 'in_sync', 'drifted', 'failed'] as const;
export type AwsRecordStatus = (typeof AWS_RECORD_STATUSES)[number];

export const VERIFICATION_STATES = ['in_sync', 'drifted', 'never_verified', 'failed'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

export function verificationState(status: AwsRecordStatus): VerificationState {
  if (status === 'in_sync' || status === 'drifted' || status === 'failed') return status;
  return 'never_verified';
}
