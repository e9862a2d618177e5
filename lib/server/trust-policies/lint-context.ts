import 'server-only';
import type { Tx } from '../db/client';
import { getDb } from '../db/client';
import { notFound } from '../errors';
import { issuerFor } from '../oidc/issuer';
import { readIssuerSettings } from '../oidc/issuer-settings';

/** What the linter needs to judge a policy for this organization: its issuer, id and session-tag setting. */
export async function lintContext(orgId: string, db: Tx | ReturnType<typeof getDb> = getDb()) {
  const row = await db.issuerSettings.findUnique({ where: { orgId } });
  if (!row) throw notFound('organization');
  return { issuer: issuerFor(orgId), orgId, sessionTags: readIssuerSettings(row).sessionTags };
}
