import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { CliError, EXIT } from '../exit-codes';
import { sectionName, upsertSection } from './ini';

// The AWS shared files, where the AWS CLI and SDKs look for them: AWS_SHARED_CREDENTIALS_FILE or
// ~/.aws/credentials, AWS_CONFIG_FILE or ~/.aws/config. Writes are atomic — a temporary file in
// the same directory (mode 0600), fsync, rename over the original — so a reader sees the old file
// or the new one, and a failed write (read-only directory, full disk) leaves the original intact.
// A symlinked file is written through to its target.

export interface SharedFiles {
  credentials: string;
  config: string;
}

function expandHome(file: string): string {
  return file === '~' || file.startsWith('~/') ? path.join(homedir(), file.slice(1)) : file;
}

export function sharedFiles(env: NodeJS.ProcessEnv): SharedFiles {
  const pick = (value: string | undefined, fallback: string) => path.resolve(expandHome(value?.trim() ? value.trim() : path.join(homedir(), '.aws', fallback)));
  return { credentials: pick(env.AWS_SHARED_CREDENTIALS_FILE, 'credentials'), config: pick(env.AWS_CONFIG_FILE, 'config') };
}

function readLatin1(file: string): string {
  try {
    return readFileSync(file).toString('latin1');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw new CliError(`Cannot read ${file}: ${(error as Error).message}`, EXIT.configuration, 'file_unreadable');
  }
}

function realTarget(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

export function writeFileAtomic(file: string, content: Buffer): void {
  const target = realTarget(file);
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.trustbridge-${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const fd = openSync(temp, 'wx', 0o600);
    created = true;
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temp, 0o600);
    renameSync(temp, target);
    created = false;
  } catch (error) {
    if (created) rmSync(temp, { force: true });
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new CliError(`Cannot write ${file} (${reason}); an existing file was left unchanged.`, EXIT.configuration, 'file_not_writable');
  }
}

// Two `idp login aws` runs at once (two shells, a CI matrix on one machine) each read the file,
// change their profile and rename their copy over it: without a lock the second rename drops the
// first one's profile. A lock file next to the target (created exclusively) serialises the
// read-modify-write; one older than LOCK_STALE_MS belongs to a process that died mid-write.
const LOCK_WAIT_MS = 10_000;
const LOCK_STALE_MS = 30_000;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function withFileLock<T>(target: string, fn: () => T): T {
  const lock = `${target}.trustbridge-lock`;
  mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx', 0o600));
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new CliError(`Cannot write next to ${target} (${code ?? (error as Error).message}); an existing file was left unchanged.`, EXIT.configuration, 'file_not_writable');
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      if (age > LOCK_STALE_MS) rmSync(lock, { force: true });
      else if (Date.now() > deadline) throw new CliError(`${target} is being updated by another process (lock file ${lock}); try again, or remove the lock file if no trustbridge is running.`, EXIT.configuration, 'file_locked');
      else sleepSync(25);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Sets the section's keys in the file, keeping everything else byte for byte. */
export function updateSharedFile(file: string, kind: 'credentials' | 'config', profile: string, entries: ReadonlyArray<readonly [string, string]>): void {
  const target = realTarget(file);
  withFileLock(target, () => {
    const before = readLatin1(target);
    const encode = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
    const after = upsertSection(before, encode(sectionName(kind, profile)), entries.map(([k, v]) => [k, encode(v)] as const));
    writeFileAtomic(file, Buffer.from(after, 'latin1'));
  });
}
