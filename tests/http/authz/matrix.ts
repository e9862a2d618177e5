// The authorization matrix: for every API route and method, the status each kind of caller gets
// (entry.ts explains a row). Keys are `METHOD /api/...pattern` exactly as routes.ts derives them
// from app/api on disk.
import { DEFAULT_CODES, type Entry } from './entry';
import { AWS_MATRIX } from './matrix-aws';
import { CREDENTIALS_MATRIX } from './matrix-credentials';
import { INSPECT_MATRIX } from './matrix-inspect';
import { ORG_MATRIX } from './matrix-org';
import { PUBLIC_MATRIX } from './matrix-public';
import type { World } from './world';

const PARTS = [PUBLIC_MATRIX, ORG_MATRIX, AWS_MATRIX, CREDENTIALS_MATRIX, INSPECT_MATRIX];
const seen = new Set<string>();
const overlap = PARTS.flatMap((part) => Object.keys(part)).filter((k) => (seen.has(k) ? true : (seen.add(k), false)));
if (overlap.length > 0) throw new Error(`matrix rows defined twice: ${overlap.join(', ')}`);

export const MATRIX: Readonly<Record<string, Entry>> = Object.assign({}, ...PARTS) as Record<string, Entry>;
export { VARIANTS, type Variant } from './matrix-variants';

/** The error code a refusal must carry; undefined = the row forgot to say (a test failure). */
export function expectedCode(entry: Entry, status: number): string | undefined {
  return entry.codes?.[status] ?? DEFAULT_CODES[status];
}

/** A concrete URL for a route pattern, with A's objects in the dynamic segments. */
export function concretePath(w: World, pattern: string, kid: string): string {
  const values: Record<string, string> = {
    orgId: w.orgId,
    projectId: w.projectId,
    envId: w.envId,
    tokenId: w.tokenId,
    userId: w.userIds.member,
    invitationId: '0000000000zzzzzzzzzzzzzzzz',
    credentialId: '0000000000zzzzzzzzzzzzzzzz',
    kid,
    policyId: w.policyId,
    providerId: '0000000000zzzzzzzzzzzzzzzz',
    roleId: '0000000000zzzzzzzzzzzzzzzz',
    '...path': 'no-such-endpoint',
  };
  return pattern.replace(/\[([^\]]+)\]/g, (_m, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for the route parameter [${name}] in ${pattern}: add one to concretePath`);
    return value;
  });
}
