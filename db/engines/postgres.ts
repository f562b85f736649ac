import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Db } from "../client";
import * as schema from "../schema/pg";

// Epoch milliseconds are bigint columns, and count(*) is bigint: read int8 as a JS number (exact below 2^53).
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

// On the handle itself (see engines/sqlite.ts): bundled module instances share one handle.
const poolKey = Symbol.for("daymark.db.postgresPool");
type WithPool = { [poolKey]?: pg.Pool };

export function openPostgres(url: string): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: "daymark",
  });
  // An idle client losing its server (restart, failover) must not crash the process; the next query reconnects.
  pool.on("error", (error) => console.error(`PostgreSQL pool: ${error.message}`));
  const db = Object.assign(drizzle(pool, { schema }), { $engine: "postgres" as const });
  Object.defineProperty(db, poolKey, { value: pool });
  return db as unknown as Db;
}

export function getPostgresPool(db: Db): pg.Pool {
  const pool = (db as unknown as WithPool)[poolKey];
  if (!pool) throw new Error(`Expected a PostgreSQL database handle, got ${db.$engine}.`);
  return pool;
}

/** The drizzle node-postgres instance (or transaction) behind a handle, for PostgreSQL-only builders. */
export function asNodePg(db: Db): NodePgDatabase<typeof schema> {
  return db as unknown as NodePgDatabase<typeof schema>;
}

export async function closePostgres(db: Db): Promise<void> {
  await getPostgresPool(db).end();
}
