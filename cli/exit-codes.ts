// Exit codes of the trustbridge CLI (documented in the README; scripts may rely on them).
export const EXIT = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  configuration: 3, // TRUSTBRIDGE_URL / TRUSTBRIDGE_TOKEN missing or malformed
  authentication: 4, // the environment token is invalid, revoked or expired (HTTP 401)
  refused: 5, // the request was refused, e.g. audience not allowed (HTTP 400/403/404/409/413)
  unavailable: 6, // server unreachable, timed out, or answered 5xx
  rateLimited: 7, // HTTP 429; retry after the advertised delay
  aws: 8, // AWS refused or failed (STS), or the AWS CLI is missing
  checkFailed: 9, // token inspect: the token fails at least one check (AWS STS would refuse it)
} as const;

export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number,
    readonly code?: string,
  ) {
    super(message);
  }
}
