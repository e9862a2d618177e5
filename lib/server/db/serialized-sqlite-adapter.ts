import 'server-only';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import Database from 'better-sqlite3';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from '@prisma/driver-adapter-utils';

// Embedded SQLite runs on ONE better-sqlite3 connection. Prisma's adapter serialises interactive
// transactions, but a plain query from another request that arrives while a transaction is open
// runs on the same connection — inside that transaction — and is silently rolled back with it.
// This wrapper puts every statement outside a transaction behind the same lock as the
// transactions, so each request's writes are atomic and independent. It also sets the pragmas the
// adapter leaves at SQLite's defaults: WAL (readers never block the writer), a busy timeout (other
// processes such as a CLI script), enforced foreign keys, NORMAL sync (safe with WAL), and no
// automatic checkpoints: a worker thread checkpoints instead (sqlite-checkpointer.ts).

export class Lock {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => released);
    return ready;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

function releasingTransaction(inner: Transaction, release: () => void): Transaction {
  let released = false;
  const done = () => {
    if (!released) {
      released = true;
      release();
    }
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    options: inner.options,
    queryRaw: (q: SqlQuery) => inner.queryRaw(q),
    executeRaw: (q: SqlQuery) => inner.executeRaw(q),
    commit: () => inner.commit().finally(done),
    rollback: () => inner.rollback().finally(done),
    ...(inner.createSavepoint ? { createSavepoint: inner.createSavepoint.bind(inner) } : {}),
    ...(inner.rollbackToSavepoint ? { rollbackToSavepoint: inner.rollbackToSavepoint.bind(inner) } : {}),
    ...(inner.releaseSavepoint ? { releaseSavepoint: inner.releaseSavepoint.bind(inner) } : {}),
  };
}

function serialized(inner: SqlDriverAdapter): { adapter: SqlDriverAdapter; lock: Lock } {
  const lock = new Lock();
  const adapter: SqlDriverAdapter = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (q) => lock.run(() => inner.queryRaw(q)),
    executeRaw: (q) => lock.run(() => inner.executeRaw(q)),
    executeScript: (s) => lock.run(() => inner.executeScript(s)),
    async startTransaction(isolationLevel) {
      const release = await lock.acquire();
      try {
        return releasingTransaction(await inner.startTransaction(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    },
    ...(inner.getConnectionInfo ? { getConnectionInfo: inner.getConnectionInfo.bind(inner) } : {}),
    dispose: () => inner.dispose(),
  };
  return { adapter, lock };
}

const BUSY_TIMEOUT_MS = 5000;
export const SQLITE_PRAGMAS = `PRAGMA journal_mode = WAL; PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = 67108864;`;

/**
 * The one connection and its lock, for the issuer's hot path (lib/server/db/hot-path-store.ts),
 * which writes its audit batches with prepared statements instead of through Prisma — on the same
 * connection, under the same lock, so it keeps every guarantee above.
 */
export interface SqliteHandle {
  db: Database.Database;
  lock: Lock;
}

const handles = globalThis as { __trustbridgeSqliteHandle?: SqliteHandle };

export function sqliteHandle(): SqliteHandle | undefined {
  return handles.__trustbridgeSqliteHandle;
}

function underlyingDatabase(adapter: SqlDriverAdapter): Database.Database {
  // Prisma's adapter keeps the better-sqlite3 connection in `client` (adapter-better-sqlite3 7.10,
  // pinned in package.json). Checked, so an upgrade that moves it fails loudly at start-up.
  const client = (adapter as unknown as { client?: unknown }).client;
  if (!(client instanceof Database)) throw new Error('@prisma/adapter-better-sqlite3 no longer exposes its connection as `client`; update lib/server/db/serialized-sqlite-adapter.ts');
  return client;
}

export function serializedSqliteAdapter(file: string): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaBetterSqlite3({ url: file, timeout: 5000 });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const adapter = await inner.connect();
      await adapter.executeScript(SQLITE_PRAGMAS);
      const wrapped = serialized(adapter);
      handles.__trustbridgeSqliteHandle = { db: underlyingDatabase(adapter), lock: wrapped.lock };
      return wrapped.adapter;
    },
    connectToShadowDb: () => inner.connectToShadowDb(),
  };
}

/**
 * After the checkpointer thread's PASSIVE copy (sqlite-checkpointer.ts): a RESTART checkpoint on
 * the main connection, between two statements (under the lock). It copies the few pages written
 * since, and the next commit writes the WAL from its beginning. It never waits: if the other
 * connection is busy, SQLite reports it and the next round tries again.
 */
export async function restartSqliteWal(): Promise<{ busy: boolean } | null> {
  const handle = sqliteHandle();
  if (!handle) return null;
  return handle.lock.run(async () => {
    handle.db.pragma('busy_timeout = 0');
    try {
      // Prisma's adapter turns on safe integers: the columns are BigInts.
      const [row] = handle.db.pragma('wal_checkpoint(RESTART)') as { busy: number | bigint }[];
      return { busy: Number(row?.busy ?? 0) === 1 };
    } finally {
      handle.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
  });
}
