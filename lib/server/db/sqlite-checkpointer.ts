import 'server-only';
import { Worker } from 'node:worker_threads';
import { log } from '../log';

// WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever commit
// crosses the threshold — on our single connection, that is a request, and the copy plus fsync
// would stall every request behind it. The main connection therefore sets wal_autocheckpoint = 0
// (SQLITE_PRAGMAS) and this worker thread, with a connection of its own, runs a PASSIVE checkpoint
// every second: it never takes the write lock and never waits for one, so it cannot stall writers.
// journal_size_limit keeps the WAL file from staying large after a burst.

const INTERVAL_MS = 1000;

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
const db = new Database(workerData.file, { timeout: 0 });
// On Linux a thread has its own nice value: the copy and fsync yield to the request thread.
try { require('node:os').setPriority(19); } catch {}
db.pragma('journal_size_limit = 67108864');
const tick = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage(String(error && error.message || error)); }
};
const timer = setInterval(tick, workerData.interval);
parentPort.on('message', (m) => { if (m === 'stop') { clearInterval(timer); tick(); db.close(); process.exit(0); } });
`;

export function startSqliteCheckpointer(file: string): { stop: () => Promise<void> } {
  const worker = new Worker(WORKER, { eval: true, workerData: { file, interval: INTERVAL_MS } });
  worker.unref();
  worker.on('message', (message: unknown) => log.warn('WAL checkpoint failed', { message: String(message) }));
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
