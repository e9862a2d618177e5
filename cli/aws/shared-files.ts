import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
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
    throw new CliError(`Cannot write ${file} (${reason}); the existing file, if any, was left unchanged.`, EXIT.configuration, 'file_not_writable');
  }
}

/** Sets the section's keys in the file, keeping everything else byte for byte. */
export function updateSharedFile(file: string, kind: 'credentials' | 'config', profile: string, entries: ReadonlyArray<readonly [string, string]>): void {
  const before = readLatin1(realTarget(file));
  const encode = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
  const after = upsertSection(before, encode(sectionName(kind, profile)), entries.map(([k, v]) => [k, encode(v)] as const));
  writeFileAtomic(file, Buffer.from(after, 'latin1'));
}
