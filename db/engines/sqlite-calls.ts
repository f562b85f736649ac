// The sync's hot path on SQLite: one prepared statement run per row, inside the caller's transaction
// (building a statement per row costs more than running it). The PostgreSQL twin is postgres-calls.ts.
import type Database from "better-sqlite3";
import type { Db } from "../client";
import type { QuarantineRow, UpsertCallRow } from "./call-rows";
import { callColumns } from "./call-rows";
import { getSqliteHandle } from "./sqlite";

// Last writer wins by event_timestamp: an older event never overwrites a newer one. On a tie the
// larger raw payload wins, so the stored row does not depend on the order events arrive in.
const upsertSql = `
INSERT INTO calls (${callColumns.join(", ")})
VALUES (${callColumns.map(() => "?").join(", ")})
ON CONFLICT (organization_id, dialpad_call_id) DO UPDATE SET
  dialpad_user_id = excluded.dialpad_user_id, master_call_id = excluded.master_call_id,
  entry_point_call_id = excluded.entry_point_call_id, operator_call_id = excluded.operator_call_id,
  direction = excluded.direction, state = excluded.state, started_at = excluded.started_at,
  rang_at = excluded.rang_at, connected_at = excluded.connected_at, ended_at = excluded.ended_at,
  event_timestamp = excluded.event_timestamp, duration_ms = excluded.duration_ms,
  external_number = excluded.external_number, internal_number = excluded.internal_number,
  contact_name = excluded.contact_name, contact_phone = excluded.contact_phone,
  contact_type = excluded.contact_type, target_type = excluded.target_type, target_name = excluded.target_name,
  entry_point_target_name = excluded.entry_point_target_name, is_transferred = excluded.is_transferred,
  was_recorded = excluded.was_recorded, has_voicemail = excluded.has_voicemail, is_internal = excluded.is_internal,
  labels = excluded.labels, raw = excluded.raw, updated_at = excluded.updated_at
WHERE excluded.event_timestamp > calls.event_timestamp
   OR (excluded.event_timestamp = calls.event_timestamp AND excluded.raw > calls.raw)
RETURNING first_synced_at`;

const quarantineSql = `
INSERT INTO quarantined_records (organization_id, source, sync_run_id, dialpad_call_id, raw_hash, raw, issues,
  first_seen_at, last_seen_at, times_seen)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (organization_id, raw_hash) DO UPDATE SET
  last_seen_at = excluded.last_seen_at, times_seen = times_seen + excluded.times_seen, sync_run_id = excluded.sync_run_id`;

interface Statements {
  upsert: Database.Statement<unknown[], { first_synced_at: number }>;
  quarantine: Database.Statement<unknown[]>;
}

const statementCache = new WeakMap<Database.Database, Statements>();

function statementsFor(db: Db): Statements {
  const client = getSqliteHandle(db);
  let statements = statementCache.get(client);
  if (!statements) {
    statements = {
      upsert: client.prepare<unknown[], { first_synced_at: number }>(upsertSql),
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

export function quarantineRowsSqlite(db: Db, rows: readonly QuarantineRow[]): void {
  const { quarantine } = statementsFor(db);
  for (const row of rows) {
    quarantine.run(
      row.organizationId, row.source, row.syncRunId, row.dialpadCallId, row.rawHash, row.raw, row.issues, row.now, row.now, row.timesSeen,
    );
  }
}
