import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

// Prisma's PostgreSQL driver adapter refuses result columns of the internal one-byte type "char"
// (OID 18), which the schema engine reads from pg_catalog (relkind, contype, …) when it describes
// a database. For the migration engine only, report those columns as text; pg already returns their
// values as strings. The app's own queries never touch such columns and use the stock adapter.

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function patchFields<T>(result: T): T {
  const fields = (result as QueryResultLike | undefined)?.fields;
  if (Array.isArray(fields)) for (const field of fields) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  return result;
}

function patchClientQuery(client: pg.PoolClient): pg.PoolClient {
  const original = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  (client as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) => original(...args).then(patchFields);
  return client;
}

class IntrospectionFriendlyPool extends pg.Pool {
  override query(...args: unknown[]): never {
    const run = super.query as unknown as (...a: unknown[]) => Promise<unknown>;
    return run.apply(this, args).then(patchFields) as never;
  }

  override connect(...args: unknown[]): never {
    const connect = super.connect as unknown as (...a: unknown[]) => unknown;
    // pg-pool's own query() connects with a callback; its result is patched by query() above.
    if (args.length > 0) return connect.apply(this, args) as never;
    return (connect.apply(this, []) as Promise<pg.PoolClient>).then(patchClientQuery) as never;
  }
}

/** A single-connection adapter for the schema engine (advisory lock and statements on one session). */
export function pgMigrationAdapter(connectionString: string): PrismaPg {
  return new PrismaPg(new IntrospectionFriendlyPool({ connectionString, max: 1 }), { disposeExternalPool: true });
}
