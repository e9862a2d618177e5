import { CliError, EXIT } from '../exit-codes';
import { AWS_PROFILE_PATTERN } from '../../lib/domain/aws/limits';
import { obtainAwsSession } from '../aws/session';
import { sharedFiles, updateSharedFile } from '../aws/shared-files';
import { stringOption, type Command } from '../command';

// trustbridge idp login aws [--role-arn] [--duration-seconds] [--profile] [--region]
// Assumes the role and writes the temporary credentials to the profile (default: "default") of
// the shared credentials file, and the Region (when one is known) to the config file. Prints
// where it wrote and until when — never the credentials.

export const idpLoginAws: Command = {
  path: ['idp', 'login', 'aws'],
  synopsis: '[--role-arn <arn>] [--duration-seconds <900-43200>] [--profile <name>] [--region <region>]',
  summary: 'Assume the effective AWS role and write its temporary credentials to the AWS shared credentials file.',
  options: { 'role-arn': { type: 'string' }, 'duration-seconds': { type: 'string' }, profile: { type: 'string' }, region: { type: 'string' } },
  async run(values, env, io) {
    const profile = (stringOption(values, 'profile') ?? 'default').trim();
    if (!AWS_PROFILE_PATTERN.test(profile)) throw new CliError(`--profile must be 1–128 characters of letters, digits and _.@+=,:/- (got "${profile}").`, EXIT.usage, 'usage');
    const session = await obtainAwsSession(env, { roleArn: stringOption(values, 'role-arn'), durationSeconds: stringOption(values, 'duration-seconds'), region: stringOption(values, 'region') });
    const files = sharedFiles(env);
    updateSharedFile(files.credentials, 'credentials', profile, [
      ['aws_access_key_id', session.accessKeyId],
      ['aws_secret_access_key', session.secretAccessKey],
      ['aws_session_token', session.sessionToken],
    ]);
    if (session.region) updateSharedFile(files.config, 'config', profile, [['region', session.region]]);
    io.out(`Assumed ${session.assumedRoleArn} (role from ${session.roleFrom}).`);
    io.out(`Wrote profile "${profile}" to ${files.credentials}${session.region ? ` and its Region ${session.region} to ${files.config}` : ''}; the credentials expire at ${session.expiration.toISOString()}.`);
  },
};
