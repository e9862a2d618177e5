import 'server-only';
import { Worker } from 'node:worker_threads';
import { log } from '../log';
import { restartSqliteWal } from './serialized-sqlite-adapter';

// WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever commit
// crosses the threshold — on our single connection, that is a request, and the copy plus fsync
// would stall every request behind it. The main connection therefore sets wal_autocheckpoint = 0
// (SQLITE_PRAGMAS) and this worker thread, with a connection of its own, runs a PASSIVE checkpoint
// every second: it never takes the write lock and never waits for one, so it cannot stall writers.
//
// A PASSIVE checkpoint alone never lets the WAL start over while commits keep coming (SQLite
// rewinds the log only when every frame is checkpointed at the start of a write): under sustained
// load the WAL grew by gigabytes, and every commit appended to an ever larger file. So once the
// worker reports a log of RESTART_AFTER_FRAMES (~64 MB), the main connection runs a RESTART
// checkpoint between two statements (see restartSqliteWal): it copies only the pages written since
// the worker's copy, and the next commit writes the WAL from its beginning again, over blocks the
// file already has. That restart holds the event loop for its fsyncs (10–35 ms on this VM disk),
// hence only every ~64 MB of log rather than after every checkpoint. journal_size_limit (64 MB)
// shrinks the file back after a burst.

const INTERVAL_MS = 1000;
const RESTART_AFTER_FRAMES = 16_000;

// The worker checkpoints, reports, and waits for 'next' before its next round: the main
// connection's RESTART (when it runs one) never overlaps the worker's own checkpoint, which would
// make it report busy and leave the WAL growing.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
const db = new Database(workerData.file, { timeout: 0 });
// On Linux a thread has its own nice value: the copy and fsync yield to the request thread.
try { require('node:os').setPriority(10); } catch {}
db.pragma('journal_size_limit = 67108864');
let stopping = false;
let timer = null;
const tick = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ checkpointed: Number(result.checkpointed), log: Number(result.log) });
  } catch (error) { parentPort.postMessage({ error: String(error && error.message || error) }); }
};
timer = setTimeout(tick, workerData.interval);
parentPort.on('message', (m) => {
  if (m === 'next' && !stopping) timer = setTimeout(tick, workerData.interval);
  if (m === 'stop') {
    stopping = true;
    clearTimeout(timer);
    try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
    db.close();
    process.exit(0);
  }
});
`;

type WorkerMessage = { error: string } | { checkpointed: number; log: number };

export interface CheckpointerOptions {
  intervalMs?: number;
  /** Rewind the WAL once the worker reports at least this many frames in it. */
  restartAfterFrames?: number;
  /** Called after each rewind attempt (busy: another connection was in the way; the next round retries). */
  onRestart?: (result: { busy: boolean }) => void;
}

export function startSqliteCheckpointer(file: string, { intervalMs = INTERVAL_MS, restartAfterFrames = RESTART_AFTER_FRAMES, onRestart }: CheckpointerOptions = {}): { stop: () => Promise<void> } {
  const worker = new Worker(WORKER, { eval: true, workerData: { file, interval: intervalMs } });
  worker.unref();
  const next = () => worker.postMessage('next');
  worker.on('message', (message: WorkerMessage) => {
    if ('error' in message) {
      log.warn('WAL checkpoint failed', { message: message.error });
      next();
      return;
    }
    if (message.log < restartAfterFrames) {
      next();
      return;
    }
    restartSqliteWal()
      .then((result) => {
        if (result) onRestart?.(result);
      })
      .catch((error: unknown) => log.warn('WAL restart failed', { error }))
      .finally(next);
  });
  worker.on('error', (error) => log.error('WAL checkpointer stopped', { error }));
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
        setTimeout(resolve, 2000).unref();
      }),
  };
}
