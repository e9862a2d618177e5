import 'server-only';

// Typed application errors with stable codes (PRODUCT.md error shape). `expose` errors carry a
// message written for the client; anything else is answered generically by the serializer.

export type ErrorCode =
  | 'invalid_request'
  | 'invalid_json'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'invalid_token'
  | 'token_revoked'
  | 'token_expired'
  | 'forbidden'
  | 'origin_mismatch'
  | 'not_found'
  | 'method_not_allowed'
  // Answered by the front door before any handler (server/socket-answers.ts): the request line and
  // headers over 16 KiB (431), a request not received in time (408).
  | 'headers_too_large'
  | 'request_timeout'
  | 'conflict'
  | 'version_conflict'
  | 'already_exists'
  | 'last_owner'
  | 'confirmation_required'
  | 'invalid_policy'
  | 'invalid_token_format'
  | 'setup_not_available'
  | 'invalid_setup_code'
  | 'invalid_invitation'
  | 'account_exists'
  | 'rate_limited'
  | 'service_unavailable'
  | 'internal_error'
  // AWS (issues 9 and 10): every AWS failure maps to one of these (lib/server/aws/).
  | 'aws_credentials_missing'
  | 'aws_invalid_credentials'
  | 'aws_access_denied'
  | 'aws_account_mismatch'
  | 'aws_entity_exists'
  | 'aws_malformed_policy'
  | 'aws_limit_exceeded'
  | 'aws_throttled'
  | 'aws_unreachable'
  | 'aws_not_found'
  | 'aws_delete_conflict'
  | 'aws_validation_error'
  | 'aws_error'
  | 'issuer_not_usable_by_aws'
  | 'lint_errors'
  | 'no_credential'
  | 'no_override';

export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: { issues?: FieldIssue[]; [key: string]: unknown },
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, issues?: FieldIssue[]) => new AppError(400, 'invalid_request', message, issues ? { issues } : undefined);
export const unauthenticated = (message = 'Sign in to continue.') => new AppError(401, 'unauthenticated', message);
export const forbidden = (message = 'Your role in this organization does not allow this action.') => new AppError(403, 'forbidden', message);
export const notFound = (what = 'resource') => new AppError(404, 'not_found', `The ${what} does not exist or you do not have access to it.`);
export const versionConflict = (what: string, currentVersion?: number) =>
  new AppError(409, 'version_conflict', `The ${what} was changed by someone else since you loaded it. Reload and apply your change again.`, currentVersion === undefined ? undefined : { currentVersion });
/** `field` names the input that collides, so forms can show the message on it (issues[].path). */
export const alreadyExists = (message: string, field?: string) => new AppError(409, 'already_exists', message, field ? { issues: [{ path: field, message }] } : undefined);
export const rateLimited = (retryAfterSeconds: number, message = 'Too many attempts. Try again later.') =>
  new AppError(429, 'rate_limited', message, { retryAfterSeconds }, { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) });

/** Prisma's known request errors carry a stable `code` (P2002 unique violation, …). */
export function prismaErrorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof (error as { code: unknown }).code === 'string') {
    const code = (error as { code: string }).code;
    return /^P\d{4}$/.test(code) ? code : undefined;
  }
  return undefined;
}

// PostgreSQL SQLSTATEs meaning the database cannot serve us (as opposed to a bad query):
// class 08 connection exceptions; 57P01–57P04 admin/crash shutdown, cannot connect now, database
// dropped; 3D000 the database does not exist (dropped or renamed); 53300 too many connections.
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1-4]|3D000|53300)$/;

/** The SQLSTATE of a pg error, or of the driver error inside a Prisma error. */
function sqlState(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): string | undefined => {
    if (typeof value !== 'object' || value === null || seen.has(value) || depth > 4) return undefined;
    seen.add(value);
    const record = value as Record<string, unknown>;
    for (const key of ['code', 'originalCode']) {
      const code = record[key];
      // P1234 is Prisma's own code (the driver's SQLSTATE is inside); P0xxx SQLSTATEs are PL/pgSQL errors.
      if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !/^P\d{4}$/.test(code)) return code;
    }
    for (const key of ['meta', 'driverAdapterError', 'cause']) {
      const found = visit(record[key], depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  return visit(error, 0);
}

/** Errors that mean "the database is not reachable": answer 503, never 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = prismaErrorCode(error);
  // P1003: database does not exist; P2037: too many connections.
  if (code && ['P1001', 'P1002', 'P1003', 'P1008', 'P1017', 'P2024', 'P2037'].includes(code)) return true;
  const state = sqlState(error);
  if (state && UNAVAILABLE_SQLSTATE.test(state)) return true;
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  if (name === 'PrismaClientInitializationError') return true;
  const message = error instanceof Error ? error.message : '';
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|database is locked|SQLITE_BUSY|connect timeout|Can't reach database/i.test(message);
}
