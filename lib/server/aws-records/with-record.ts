import 'server-only';
import { AppError } from '../errors';

/** An AWS failure after the record was written: the same error, carrying the record as it is now (`record`). */
export function withRecord(error: AppError, record: unknown): AppError {
  return new AppError(error.status, error.code, error.message, { ...(error.details ?? {}), record }, error.headers);
}
