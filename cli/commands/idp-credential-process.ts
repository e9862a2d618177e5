import { obtainAwsSession } from '../aws/session';
import { stringOption, type Command } from '../command';

// trustbridge idp credential-process [--role-arn] [--duration-seconds]
// For `credential_process = trustbridge idp credential-process` in ~/.aws/config: prints the JSON
// the AWS CLI and SDKs expect (Version 1) on stdout, nothing else; they call it again when the
// credentials expire. Errors go to stderr with a non-zero exit, which they report.

export const idpCredentialProcess: Command = {
  path: ['idp', 'credential-process'],
  synopsis: '[--role-arn <arn>] [--duration-seconds <900-43200>]',
  summary: 'Print AWS credential_process JSON for the effective role (use it in ~/.aws/config).',
  options: { 'role-arn': { type: 'string' }, 'duration-seconds': { type: 'string' } },
  async run(values, env, io) {
    const s = await obtainAwsSession(env, { roleArn: stringOption(values, 'role-arn'), durationSeconds: stringOption(values, 'duration-seconds') });
    io.out(JSON.stringify({ Version: 1, AccessKeyId: s.accessKeyId, SecretAccessKey: s.secretAccessKey, SessionToken: s.sessionToken, Expiration: s.expiration.toISOString() }));
  },
};
