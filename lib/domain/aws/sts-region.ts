// The Region an STS call goes to: the credential's (or the caller's) when set, else the home
// Region of the role's partition — STS's global endpoint exists only in the aws partition, and
// the SDK needs a Region in any case (aws-cn: cn-north-1, aws-us-gov: us-gov-west-1).
import { parseRoleArn } from './arn';

const PARTITION_HOME = { aws: 'us-east-1', 'aws-cn': 'cn-north-1', 'aws-us-gov': 'us-gov-west-1' } as const;

export function stsRegionFor(roleArn: string, region: string | null | undefined): string {
  if (region) return region;
  const parts = parseRoleArn(roleArn);
  return parts.ok ? PARTITION_HOME[parts.partition] : PARTITION_HOME.aws;
}

/** AWS Regions look like us-east-1, eu-central-2, us-gov-west-1, cn-north-1. */
export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d{1,2}$/;
