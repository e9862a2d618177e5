import 'server-only';
import { AppError, versionConflict } from '../errors';

/**
 * Changing or deleting something that exists requires its current version: missing → 409 that
 * says so, stale → the usual 409; both carry currentVersion so the client can reload.
 */
export function requireCurrentVersion(what: string, current: number, sent: number | undefined): void {
  if (sent === undefined) {
    throw new AppError(409, 'version_conflict', `The ${what} exists (version ${current}): send its version to change or delete it, so that nobody's edit is overwritten unseen.`, { currentVersion: current });
  }
  if (sent !== current) throw versionConflict(what, current);
}
