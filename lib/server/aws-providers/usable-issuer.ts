import 'server-only';
import { issuerUsableByAws } from '@/lib/domain/aws/issuer-usability';
import { AppError } from '../errors';
import { issuerFor } from '../oidc/issuer';

/** The organization's issuer URL, or 400 issuer_not_usable_by_aws saying how to fix PUBLIC_URL. */
export function usableIssuer(orgId: string): string {
  const issuer = issuerFor(orgId);
  const verdict = issuerUsableByAws(issuer);
  if (!verdict.ok) throw new AppError(400, 'issuer_not_usable_by_aws', verdict.reason, { issuer });
  return issuer;
}
