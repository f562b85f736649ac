// The statements a query function runs and each engine's plan for them: the views-plans test asserts
// the plans (index names, no full scan of calls) and bench:views prints them with their times.
import type { Db } from "@/db/client";
import { getPostgresPool } from "@/db/engines/postgres";
import { getSqliteHandle } from "@/db/engines/sqlite";

export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

type WithLogger = { session: { logger: { logQuery(sql: string, params: unknown[]): void } } };

/** Runs `run` and returns the statements it sent through `db` (drizzle's query logger, put back afterwards). */
export async function captureQueries<T>(db: Db, run: () => Promise<T>): Promise<{ result: T; queries: CapturedQuery[] }> {
  const session = (db as unknown as WithLogger).session;
  const previous = session.logger;
  const queries: CapturedQuery[] = [];
  session.logger = { logQuery: (sql, params) => queries.push({ sql, params: [...params] }) };
  try {
    return { result: await run(), queries };
  } finally {
    session.logger = previous;
  }
}

/**
 * The plan's lines: EXPLAIN QUERY PLAN on SQLite; EXPLAIN (or EXPLAIN ANALYZE with `analyze`) on
 * PostgreSQL. `avoidSeqScan` plans PostgreSQL as if its tables were big (a test database's tiny
 * tables are cheaper to scan whole), so the plan shows which index a big table would use.
 */
export async function explainQuery(
  db: Db,
  query: CapturedQuery,
  options: { analyze?: boolean; avoidSeqScan?: boolean } = {},
): Promise<string[]> {
  if (db.$engine !== "postgres") {
    const rows = getSqliteHandle(db).prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as { detail: string }[];
    return rows.map((row) => row.detail);
  }
  const client = await getPostgresPool(db).connect();
  try {
    if (options.avoidSeqScan) await client.query("SET enable_seqscan = off");
    const explain = options.analyze ? "EXPLAIN (ANALYZE, BUFFERS)" : "EXPLAIN";
    const result = await client.query<{ "QUERY PLAN": string }>(`${explain} ${query.sql}`, query.params);
    return result.rows.map((row) => row["QUERY PLAN"]);
  } finally {
    if (options.avoidSeqScan) await client.query("RESET enable_seqscan");
    client.release();
  }
}

/** Runs a captured statement again as it was sent (bench:views times the views' statements one by one). */
export async function runCapturedQuery(db: Db, query: CapturedQuery): Promise<void> {
  if (db.$engine === "postgres") await getPostgresPool(db).query(query.sql, query.params);
  else getSqliteHandle(db).prepare(query.sql).raw().all(...query.params);
}

/** The plan reads every row of `table` (SQLite "SCAN table", PostgreSQL "Seq Scan on table"). */
export function scansWholeTable(plan: string[], table: string): boolean {
  return plan.some((line) => new RegExp(`(^|\\s)(SCAN ${table}(\\s|$)|Seq Scan on ${table}\\s)`).test(line.trim()));
}

/** The index names the plan reads through. */
export function listPlanIndexes(plan: string[]): string[] {
  const names = plan.flatMap((line) => [...line.matchAll(/(?:USING (?:COVERING )?INDEX|Index (?:Only )?Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)/g)].map((m) => m[1]!));
  return [...new Set(names)].sort();
}
