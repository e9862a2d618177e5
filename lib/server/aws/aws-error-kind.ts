import 'server-only';
import { AppError } from '../errors';

/** True for an AppError that mapAwsError made from one of these AWS error codes. */
export function isAppErrorFromAws(error: unknown, ...awsCodes: string[]): boolean {
  if (!(error instanceof AppError)) return false;
  const code = error.details?.awsCode;
  return typeof code === 'string' && awsCodes.includes(code);
}

/** The `{code, message}` of an AppError, for step logs and stored outcomes (never a stack or secret). */
export function errorSummary(error: AppError): { code: string; message: string } {
  return { code: error.code, message: error.message };
}
