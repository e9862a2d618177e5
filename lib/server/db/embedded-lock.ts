import 'server-only';
import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

// The embedded SQLite database serves one process: two servers on one file would each trust
// caches the other's writes make stale, and their migration engines would fight over the file (a
// second start used to hang ~60 s in migration, then die with "WASM_ERROR: unknown variant
// SocketTimeout"). So the first process holds a lock for as long as it lives, and a second one is
// refused at once, naming the holder.
//
// The lock is an OS file lock, which the kernel releases when its process dies, however it dies
// (kill -9 included): a crash leaves no stale lock to block the next start, and no recorded pid is
// trusted that may by now belong to another process. Node has no flock(), but SQLite's file
// locks are portable and already here: the holder keeps a write transaction open on a small
// database next to the real one (`<db>.lock`, in WAL mode so that readers are never blocked). Its
// pid is committed to that file's header (user_version) before the lock is taken for good, so a
// refused process can still read it. Two processes starting at the same instant: exactly one
// holds the write lock at the end; the other is refused.

export type EmbeddedLock = { held: true; release: () => void } | { held: false; pid: number | null };

const BUSY = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED']);
const isBusy = (error: unknown) => typeof error === 'object' && error !== null && 'code' in error && BUSY.has(String(error.code));

export const lockFileOf = (databaseFile: string) => `${databaseFile}.lock`;

export function lockEmbeddedDatabase(databaseFile: string): EmbeddedLock {
  const file = lockFileOf(databaseFile);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // A short busy timeout rides out the other process's commit of its pid; a lock held for good
  // is reported after it.
  const db = new Database(file, { timeout: 100 });
  try {
    db.pragma('journal_mode = WAL');
    chmodSync(file, 0o600);
    db.exec('BEGIN IMMEDIATE');
    db.pragma(`user_version = ${process.pid}`);
    db.exec('COMMIT');
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    if (!isBusy(error)) {
      db.close();
      throw error;
    }
    if (db.inTransaction) db.exec('ROLLBACK');
    const pid = Number(db.pragma('user_version', { simple: true }));
    db.close();
    return { held: false, pid: Number.isInteger(pid) && pid > 0 && pid !== process.pid ? pid : null };
  }
  return {
    held: true,
    release: () => {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
    },
  };
}

export function refusalMessage(pid: number | null, dataDir: string): string {
  return `another Trustbridge process (${pid === null ? 'pid unknown' : `pid ${pid}`}) is using ${dataDir}; the embedded SQLite database serves one process — use PostgreSQL (DATABASE_URL) for several replicas`;
}
