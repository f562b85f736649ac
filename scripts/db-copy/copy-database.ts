// Copies a SQLite install into an empty PostgreSQL database, ids kept (sealed Dialpad tokens are bound
// to their organization's id), in one PostgreSQL transaction: a failure or a count mismatch leaves the
// target migrated and empty, so the copy can simply be run again.
import { asc, count, eq, getTableColumns, gt, type Column } from "drizzle-orm";
import { closeDatabase, openDatabase, type Db } from "@/db/client";
import { describeDatabase, parseDatabaseUrl } from "@/db/engine";
import { migrateDatabase } from "@/db/migrate";
import { withTransaction } from "@/db/transaction";
import { CopyMismatchError, CopyRefusedError } from "./errors";
import { insertRows } from "./insert-rows";
import { hasMismatch, type TableCount } from "./row-counts";
import { listUnknownTables, openCopySource, readSqliteSequences, type CopySource } from "./source";
import { planCopy, scoreQueueTable, type CopyTable } from "./tables";
import { assertTargetIsEmpty, resetIdentitySequences } from "./target";

export interface CopyOptions {
  /** A SQLite file path. */
  from: string;
  /** A postgres:// URL. */
  to: string;
  /** Rows read and inserted at a time. */
  chunkRows?: number;
  log?: (line: string) => void;
}

/** A row's own-table references, set after the whole table is in. */
type DeferredReferences = { key: unknown; references: Record<string, unknown> };

export interface CopyReport {
  counts: TableCount[];
}

export async function copySqliteToPostgres(options: CopyOptions): Promise<CopyReport> {
  const { from, to } = parseEndpoints(options);
  const log = options.log ?? (() => {});
  log(`Copying ${from} → ${describeDatabase({ engine: "postgres", url: to })}`);
  const tables = planCopy();
  const source = openCopySource(from);
  let target: Db | undefined;
  try {
    const unknown = listUnknownTables(source, new Set(tables.map((t) => t.name)));
    if (unknown.length > 0) throw new CopyRefusedError(`${from} has tables this version of Daymark does not know: ${unknown.join(", ")}.`);
    target = openDatabase(to);
    await migrateDatabase(target);
    // One read transaction on the source: every table comes from the same snapshot, even if the app still writes.
    source.sqlite.exec("BEGIN");
    const counts = await withTransaction(target, async (tx) => {
      await assertTargetIsEmpty(tx, tables, describeDatabase({ engine: "postgres", url: to }));
      for (const table of tables) {
        if (table.name === scoreQueueTable) {
          // The calls triggers queued score work for every copied call. The source's queue is the real
          // pending work (the rest is already in daily_scores), so it replaces theirs, ids and claims as they were.
          // (Not session_replication_role = replica: it needs a superuser, which managed PostgreSQL rarely
          // grants, and it would skip the foreign-key checks too.)
          await tx.delete(table.pg);
        }
        const copied = await copyTable(source, tx, table, options.chunkRows ?? 1_000);
        log(`  ${table.name}: ${copied} row(s)`);
      }
      await resetIdentitySequences(tx, readSqliteSequences(source));
      const counts = await countRows(source, tx, tables);
      if (hasMismatch(counts)) throw new CopyMismatchError(counts);
      return counts;
    });
    return { counts };
  } finally {
    if (source.sqlite.inTransaction) source.sqlite.exec("COMMIT");
    source.sqlite.close();
    if (target) await closeDatabase(target);
  }
}

function parseEndpoints(options: CopyOptions): { from: string; to: string } {
  const parse = (flag: string, value: string) => {
    try {
      return parseDatabaseUrl(value);
    } catch (error) {
      throw new CopyRefusedError(`${flag}: ${(error as Error).message.replace(/^DATABASE_URL is not usable: /, "")}`);
    }
  };
  const from = parse("--from", options.from);
  const to = parse("--to", options.to);
  if (from.engine !== "sqlite") throw new CopyRefusedError("--from must be a SQLite database file (e.g. ./data/daymark.db).");
  if (to.engine !== "postgres") throw new CopyRefusedError("--to must be a PostgreSQL URL (postgres://user:password@host:5432/database).");
  return { from: from.file, to: to.url };
}

/** Reads the table in primary-key order a chunk at a time and writes each chunk with one INSERT. */
async function copyTable(source: CopySource, tx: Db, table: CopyTable, chunkRows: number): Promise<number> {
  const sourceKey = getTableColumns(table.sqlite)[table.primaryKey]!;
  const targetKey = getTableColumns(table.pg)[table.primaryKey]!;
  const limit = Math.max(1, chunkRows);
  const deferred: DeferredReferences[] = [];
  let copied = 0;
  let after: unknown;
  for (;;) {
    const rows = source.db
      .select()
      .from(table.sqlite)
      .where(after === undefined ? undefined : gt(sourceKey, after))
      .orderBy(asc(sourceKey))
      .limit(limit)
      .all() as Record<string, unknown>[];
    if (rows.length === 0) {
      await finishSelfReferences(tx, table, targetKey, deferred);
      return copied;
    }
    const values = table.selfReferences.length === 0 ? rows : rows.map((row) => withoutSelfReferences(row, table, deferred));
    try {
      await insertRows(tx, table, values);
    } catch (error) {
      const where = after === undefined ? "in its first rows" : `after ${table.primaryKey} ${String(after)}`;
      throw new Error(`Copying ${table.name} failed ${where}: ${describeDriverError(error)}`, { cause: error });
    }
    copied += rows.length;
    after = rows.at(-1)![table.primaryKey];
  }
}

// A row may point at one later in key order (a manager created after the report): insert the
// reference as null, then set it once every row of the table exists.
function withoutSelfReferences(row: Record<string, unknown>, table: CopyTable, deferred: DeferredReferences[]): Record<string, unknown> {
  const copy = { ...row };
  const references: Record<string, unknown> = {};
  for (const key of table.selfReferences) {
    if (row[key] !== null && row[key] !== undefined) references[key] = row[key];
    copy[key] = null;
  }
  if (Object.keys(references).length > 0) deferred.push({ key: row[table.primaryKey], references });
  return copy;
}

async function finishSelfReferences(tx: Db, table: CopyTable, targetKey: Column, deferred: DeferredReferences[]): Promise<void> {
  for (const { key, references } of deferred) {
    await tx.update(table.pg).set(references).where(eq(targetKey, key));
  }
}

/** The server's own words (drizzle's wrapper repeats the whole statement and its parameters: row data). */
function describeDriverError(error: unknown): string {
  let root = error as { message?: string; detail?: string; cause?: unknown };
  while (root.cause && typeof root.cause === "object") root = root.cause as typeof root;
  return [root.message, root.detail].filter(Boolean).join(" ");
}

async function countRows(source: CopySource, tx: Db, tables: CopyTable[]): Promise<TableCount[]> {
  const counts: TableCount[] = [];
  for (const table of tables) {
    const sourceRows = source.db.select({ rows: count() }).from(table.sqlite).get()!.rows;
    const [target] = await tx.select({ rows: count() }).from(table.pg);
    counts.push({ table: table.name, source: sourceRows, target: target!.rows });
  }
  return counts;
}
