// The sync's hot path on SQLite: one prepared statement run per row, inside the caller's transaction
// (building a statement per row costs more than running it). The PostgreSQL twin is postgres-calls.ts.
import type Database from "better-sqlite3";
import type { Db } from "../client";
import type { QuarantineRow, UpsertCallRow } from "./call-rows";
import { buildCallMerge, callColumns, linkVoicemailLeftSql } from "./call-rows";
import { getSqliteHandle } from "./sqlite";

const merge = buildCallMerge("sqlite");
const upsertSql = `
INSERT INTO calls (${callColumns.join(", ")})
VALUES (${callColumns.map(() => "?").join(", ")})
ON CONFLICT (organization_id, dialpad_call_id) DO UPDATE SET
  ${merge.assignments}
WHERE ${merge.changed}
RETURNING first_synced_at`;

const quarantineSql = `
INSERT INTO quarantined_records (organization_id, source, sync_run_id, dialpad_call_id, raw_hash, raw, issues,
  first_seen_at, last_seen_at, times_seen)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (organization_id, raw_hash) DO UPDATE SET
  last_seen_at = excluded.last_seen_at, times_seen = times_seen + excluded.times_seen, sync_run_id = excluded.sync_run_id`;

// INDEXED BY: without table statistics SQLite scanned every call of the organization for the outer
// UPDATE (calls_org_user_legs_idx), a cost that grew with the table on each sync commit.
const linkSql = linkVoicemailLeftSql((column) => `${column} IN (SELECT value FROM json_each(:ids))`)
  .replace("UPDATE calls SET", "UPDATE calls INDEXED BY calls_org_dialpad_call_uq SET");

interface Statements {
  upsert: Database.Statement<unknown[], { first_synced_at: number }>;
  link: Database.Statement<[{ ids: string; org: number; stamp: number }]>;
  quarantine: Database.Statement<unknown[]>;
}

const statementCache = new WeakMap<Database.Database, Statements>();

function statementsFor(db: Db): Statements {
  const client = getSqliteHandle(db);
  let statements = statementCache.get(client);
  if (!statements) {
    statements = {
      upsert: client.prepare<unknown[], { first_synced_at: number }>(upsertSql),
      link: client.prepare<[{ ids: string; org: number; stamp: number }]>(linkSql),
      quarantine: client.prepare<unknown[]>(quarantineSql),
    };
    statementCache.set(client, statements);
  }
  return statements;
}

/** Upserts rows (distinct call ids); returns the first_synced_at of each row written, in order. */
export function upsertCallRowsSqlite(db: Db, rows: readonly UpsertCallRow[]): number[] {
  const { upsert } = statementsFor(db);
  const written: number[] = [];
  for (const row of rows) {
    // SQLite stores booleans as 0/1.
    const values = row.map((value) => (typeof value === "boolean" ? Number(value) : value));
    const result = upsert.get(...values);
    if (result) written.push(result.first_synced_at);
  }
  return written;
}

/** Marks the callers' legs linked to the legs just written (see linkVoicemailLeftSql). */
export function linkVoicemailLeftSqlite(db: Db, organizationId: number, dialpadCallIds: readonly string[], stamp: number): void {
  if (dialpadCallIds.length === 0) return;
  statementsFor(db).link.run({ ids: JSON.stringify(dialpadCallIds), org: organizationId, stamp });
}

export function quarantineRowsSqlite(db: Db, rows: readonly QuarantineRow[]): void {
  const { quarantine } = statementsFor(db);
  for (const row of rows) {
    quarantine.run(
      row.organizationId, row.source, row.syncRunId, row.dialpadCallId, row.rawHash, row.raw, row.issues, row.now, row.now, row.timesSeen,
    );
  }
}
