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
  | 'forbidden'
  | 'origin_mismatch'
  | 'not_found'
  | 'method_not_allowed'
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
  | 'internal_error';

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
export const alreadyExists = (message: string) => new AppError(409, 'already_exists', message);
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

/** Errors that mean "the database is not reachable": answer 503, never 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = prismaErrorCode(error);
  if (code && ['P1001', 'P1002', 'P1008', 'P1017', 'P2024'].includes(code)) return true;
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  if (name === 'PrismaClientInitializationError') return true;
  const message = error instanceof Error ? error.message : '';
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|database is locked|SQLITE_BUSY|connect timeout|Can't reach database/i.test(message);
}
