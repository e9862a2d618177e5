import 'server-only';
import { parsePolicy, type Policy } from '@/lib/domain/trust-policy';
import { AppError } from '../errors';

/** IAM JSON (string or object) → the engine's model, or 400 invalid_policy with every error's path and position. */
export function parsePolicyInput(input: unknown): Policy {
  const parsed = parsePolicy(input);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw new AppError(400, 'invalid_policy', first ? `The policy is not valid: ${first.message} (at ${first.path}${first.line ? `, line ${first.line} column ${first.column}` : ''})` : 'The policy is not valid.', {
      errors: parsed.errors.slice(0, 50),
    });
  }
  return parsed.policy;
}
