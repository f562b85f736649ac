// The sync's hot path on PostgreSQL: one multi-row upsert per chunk, run in the caller's transaction.
// Rows travel as one array per column and come back out of unnest(), so a statement has 31 parameters
// however many rows it carries (VALUES lists would need 31 per row, and PostgreSQL allows 65,535).
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { buildCallMerge, callColumns, linkVoicemailLeftSql, type QuarantineRow, type UpsertCallRow } from "./call-rows";
import { asNodePg } from "./postgres";

const chunkRows = 2_000;

export const callColumnTypes: Record<(typeof callColumns)[number], string> = {
  organization_id: "integer", dialpad_call_id: "text", dialpad_user_id: "text", master_call_id: "text",
  entry_point_call_id: "text", operator_call_id: "text", direction: "text", state: "text", started_at: "bigint",
  rang_at: "bigint", connected_at: "bigint", ended_at: "bigint", event_timestamp: "bigint", duration_ms: "bigint",
  external_number: "text", internal_number: "text", contact_name: "text", contact_phone: "text", contact_type: "text",
  target_type: "text", target_name: "text", entry_point_target_name: "text", is_transferred: "boolean",
  was_recorded: "boolean", has_voicemail: "boolean", left_voicemail: "boolean", is_internal: "boolean", labels: "text", raw: "text",
  first_synced_at: "bigint", updated_at: "bigint",
};

// The same merge as SQLite's (call-rows.ts); a tie in event time compares raw bytewise (COLLATE "C",
// SQLite's BINARY) so both engines keep the same payload.
const merge = buildCallMerge("postgres");
const upsertTail = sql.raw(`
ON CONFLICT (organization_id, dialpad_call_id) DO UPDATE SET
  ${merge.assignments}
WHERE ${merge.changed}
RETURNING first_synced_at AS "firstSyncedAt"`);

/** `unnest($1::t1[], $2::t2[], …)`: one array parameter per column. */
function unnestColumns(columns: readonly unknown[][], types: readonly string[]): SQL {
  return sql.join(
    columns.map((values, index) => sql`${sql.param(values)}::${sql.raw(types[index]!)}[]`),
    sql`, `,
  );
}

function transpose(rows: readonly (readonly unknown[])[], width: number): unknown[][] {
  const columns: unknown[][] = Array.from({ length: width }, () => new Array<unknown>(rows.length));
  rows.forEach((row, r) => {
    for (let c = 0; c < width; c++) columns[c]![r] = row[c];
  });
  return columns;
}

/** Upserts rows (distinct call ids); returns the first_synced_at of each row written. */
export async function upsertCallRowsPostgres(db: Db, rows: readonly UpsertCallRow[]): Promise<number[]> {
  // In call-id order: concurrent upserts (a sync run and webhook processing, here or in another
  // process) then lock shared rows in the same order and cannot deadlock.
  const sorted = [...rows].sort((a, b) => (a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0));
  const written: number[] = [];
  const columnList = sql.raw(callColumns.join(", "));
  const types = callColumns.map((column) => callColumnTypes[column]);
  for (let start = 0; start < rows.length; start += chunkRows) {
    const columns = transpose(sorted.slice(start, start + chunkRows), callColumns.length);
    const result = await asNodePg(db).execute<{ firstSyncedAt: number }>(
      sql`INSERT INTO calls (${columnList}) SELECT * FROM unnest(${unnestColumns(columns, types)}) ${upsertTail}`,
    );
    for (const row of result.rows) written.push(row.firstSyncedAt);
  }
  return written;
}

const linkSqlParts = linkVoicemailLeftSql((column) => `${column} = ANY(:ids::text[])`).split(/:(ids|org|stamp)\b/);

/** Marks the callers' legs linked to the legs just written (see linkVoicemailLeftSql). */
export async function linkVoicemailLeftPostgres(db: Db, organizationId: number, dialpadCallIds: readonly string[], stamp: number): Promise<void> {
  if (dialpadCallIds.length === 0) return;
  const values: Record<string, unknown> = { ids: dialpadCallIds, org: organizationId, stamp };
  // split() with a capture group alternates text and parameter names.
  const chunks = linkSqlParts.map((part, index) => (index % 2 === 0 ? sql.raw(part) : sql.param(values[part])));
  await asNodePg(db).execute(sql.join(chunks));
}

const quarantineTypes = ["integer", "text", "integer", "text", "text", "text", "text", "bigint", "bigint", "integer"];

export async function quarantineRowsPostgres(db: Db, rows: readonly QuarantineRow[]): Promise<void> {
  const sorted = [...rows].sort((a, b) => (a.rawHash < b.rawHash ? -1 : a.rawHash > b.rawHash ? 1 : 0));
  for (let start = 0; start < sorted.length; start += chunkRows) {
    const chunk = sorted.slice(start, start + chunkRows);
    const columns = transpose(
      chunk.map((row) => [
        row.organizationId, row.source, row.syncRunId, row.dialpadCallId, row.rawHash, row.raw, row.issues, row.now, row.now, row.timesSeen,
      ]),
      quarantineTypes.length,
    );
    await asNodePg(db).execute(sql`
      INSERT INTO quarantined_records (organization_id, source, sync_run_id, dialpad_call_id, raw_hash, raw, issues,
        first_seen_at, last_seen_at, times_seen)
      SELECT * FROM unnest(${unnestColumns(columns, quarantineTypes)})
      ON CONFLICT (organization_id, raw_hash) DO UPDATE SET
        last_seen_at = excluded.last_seen_at, times_seen = quarantined_records.times_seen + excluded.times_seen,
        sync_run_id = excluded.sync_run_id`);
  }
}
