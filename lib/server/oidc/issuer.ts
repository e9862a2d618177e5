import 'server-only';
import { getConfig } from '../env';

/** Each organization's own issuer (PRODUCT.md): `{PUBLIC_URL}/oidc/{orgId}`, never from request headers. */
export function issuerFor(orgId: string): string {
  return `${getConfig().publicUrl}/oidc/${orgId}`;
}
