// vitest globalSetup for the `http` and `db` projects: one shared production server per run, on
// SQLite (default) or on a throwaway PostgreSQL cluster (TEST_DB=postgresql).
import type { TestProject } from 'vitest/node';
import { startMoto, type RunningMoto } from './moto';
import { startPostgres, type RunningPostgres } from './postgres';
import { awsEmulatorEnv, startServer, type RunningServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    server: { url: string; publicUrl: string; database: 'sqlite' | 'postgresql'; logFile: string };
    postgresPort: number | null;
    /** The AWS emulator (moto) the shared server's IAM and STS calls go to. */
    motoUrl: string;
  }
}

let server: RunningServer | undefined;
let postgres: RunningPostgres | undefined;
let moto: RunningMoto | undefined;

export async function setup(project: TestProject): Promise<void> {
  const database = process.env.TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite';
  if (database === 'postgresql') postgres = await startPostgres();
  moto = await startMoto();
  server = await startServer({ ...(postgres ? { databaseUrl: postgres.url } : {}), env: awsEmulatorEnv(moto.url) });
  project.provide('server', { url: server.url, publicUrl: server.publicUrl, database, logFile: server.logFile });
  project.provide('postgresPort', postgres?.port ?? null);
  project.provide('motoUrl', moto.url);
}

export async function teardown(): Promise<void> {
  // Kept for debugging failed runs (tests/.reports is git-ignored).
  const output = server?.output() ?? '';
  const { writeFileSync, mkdirSync } = await import('node:fs');
  mkdirSync('tests/.reports', { recursive: true });
  writeFileSync(`tests/.reports/server-${process.env.TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite'}.log`, output);
  await server?.stop();
  postgres?.stop();
  await moto?.stop();
}
