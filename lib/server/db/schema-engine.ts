import 'server-only';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';

// Migrations without a native engine: Prisma's WebAssembly schema engine (pinned to the version of
// the installed Prisma) driven through our own driver adapters. The stock `prisma migrate` CLI needs
// a native binary downloaded from a host that is unreachable on locked-down networks; this path
// needs only npm packages. The folder layout (prisma/migrations/<provider>/<timestamp>_<name>/
// migration.sql + migration_lock.toml) and the `_prisma_migrations` table are Prisma's own, so the
// stock CLI keeps working for anyone who has it.

export type Provider = 'sqlite' | 'postgresql';

const NO_FILTER = { externalTables: [], externalEnums: [] };
let initialised: Promise<void> | undefined;

function initialiseWasm(): Promise<void> {
  initialised ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmFile = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
    const imports = { './schema_engine_bg.js': engineBindings as unknown as WebAssembly.ModuleImports };
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmFile), imports);
    engineBindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  })();
  return initialised;
}

export function migrationsDir(root: string, provider: Provider): string {
  return path.join(root, 'prisma', 'migrations', provider);
}

export function loadMigrationList(dir: string, provider: Provider): MigrationList {
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: `provider = "${provider}"\n` },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: readFileSync(path.join(dir, name, 'migration.sql'), 'utf8') } },
    })),
  };
}

/** Remembers every connection the engine opens, so they are closed when the engine is done. */
function closingFactory(factory: SqlMigrationAwareDriverAdapterFactory): { factory: SqlMigrationAwareDriverAdapterFactory; closeAll: () => Promise<void> } {
  const opened: { dispose: () => Promise<void> }[] = [];
  const track = async <T extends { dispose: () => Promise<void> }>(connection: Promise<T>): Promise<T> => {
    const c = await connection;
    opened.push(c);
    return c;
  };
  return {
    factory: {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: () => track(factory.connect()),
      connectToShadowDb: () => track(factory.connectToShadowDb()),
    },
    closeAll: async () => {
      await Promise.allSettled(opened.splice(0).map((c) => c.dispose()));
    },
  };
}

async function openEngine(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  schema?: string,
): Promise<{ engine: SchemaEngine; explain: (e: unknown) => Error; close: () => Promise<void> }> {
  await initialiseWasm();
  const { factory, closeAll } = closingFactory(adapter);
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const engine = await engineBindings.SchemaEngine.new({ datamodels: schema ? [['schema.prisma', schema]] : undefined }, () => undefined, bound);
  // The engine reports driver failures as "External error id#N"; the registry holds the real error.
  const explain = (error: unknown): Error => {
    const message = error instanceof Error ? error.message : String(error);
    const id = /External error id#(\d+)/.exec(message)?.[1];
    const registered = id === undefined ? undefined : bound.errorRegistry.consumeError(Number(id));
    const cause = registered?.error instanceof Error ? `\nCaused by: ${registered.error.message}` : '';
    return new Error(`${message}${cause}`);
  };
  const close = async () => {
    engine.free();
    await closeAll();
  };
  return { engine, explain, close };
}

/** Applies every migration of `dir` not yet recorded in `_prisma_migrations`; returns their names. */
export async function applyMigrations(adapter: SqlMigrationAwareDriverAdapterFactory, dir: string, provider: Provider): Promise<string[]> {
  const { engine, explain, close } = await openEngine(adapter);
  try {
    const result = await engine.applyMigrations({ migrationsList: loadMigrationList(dir, provider), filters: NO_FILTER });
    return result.appliedMigrationNames;
  } catch (error) {
    throw explain(error);
  } finally {
    await close();
  }
}

/**
 * SQL that takes a database holding exactly the migrations of `dir` to `schema`. `scratch` must be
 * an empty database of the same family: the migrations are replayed into it and then diffed.
 */
export async function diffMigrationsToSchema(scratch: SqlMigrationAwareDriverAdapterFactory, dir: string, provider: Provider, schema: string): Promise<string> {
  const { engine, explain, close } = await openEngine(scratch, schema);
  try {
    await engine.applyMigrations({ migrationsList: loadMigrationList(dir, provider), filters: NO_FILTER });
    const files = [{ path: 'schema.prisma', content: schema }];
    const diff = await engine.diff({
      from: { tag: 'schemaDatasource', files, configDir: process.cwd() },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return diff.stdout ?? '';
  } catch (error) {
    throw explain(error);
  } finally {
    await close();
  }
}
