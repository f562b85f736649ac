// The row shapes the per-engine call upserts (sqlite-calls.ts, postgres-calls.ts) take from db/queries/calls.ts,
// and the merge rule both engines apply when a leg is already stored (lib/calls/merge-legs.ts in TypeScript).
import { postCallStates } from "../../lib/calls/merge-legs";

/** The calls columns an upsert writes, in the order of an UpsertCallRow's values. */
export const callColumns = [
  "organization_id", "dialpad_call_id", "dialpad_user_id", "master_call_id", "entry_point_call_id", "operator_call_id",
  "direction", "state", "started_at", "rang_at", "connected_at", "ended_at", "event_timestamp", "duration_ms",
  "external_number", "internal_number", "contact_name", "contact_phone", "contact_type", "target_type", "target_name",
  "entry_point_target_name", "is_transferred", "was_recorded", "has_voicemail", "left_voicemail", "is_internal", "labels",
  "raw", "first_synced_at", "updated_at",
] as const;

/** One value per callColumns entry; booleans as JS booleans (the SQLite side turns them into 0/1). */
export type UpsertCallRow = readonly (string | number | boolean | null)[];

/** A rejected record, already grouped by raw_hash: `timesSeen` copies of it arrived in this batch. */
export interface QuarantineRow {
  organizationId: number;
  source: string;
  syncRunId: number | null;
  dialpadCallId: string | null;
  rawHash: string;
  raw: string;
  issues: string;
  now: number;
  timesSeen: number;
}

const postCallStateList = [...postCallStates].map((state) => `'${state}'`).join(", ");

// Values an event may leave out (a late partial event sends them as null): the newest event that has one wins.
const coalescedColumns = [
  "dialpad_user_id", "master_call_id", "entry_point_call_id", "operator_call_id", "rang_at", "connected_at", "ended_at",
  "duration_ms", "external_number", "internal_number", "contact_name", "contact_phone", "contact_type", "target_type",
  "target_name", "entry_point_target_name",
] as const;
// Facts that only ever become known: once seen on any event of the leg, they stay.
const stickyColumns = ["is_transferred", "was_recorded", "has_voicemail", "left_voicemail"] as const;
// Every event carries these: the newest event's value.
const newestColumns = ["direction", "state", "started_at", "event_timestamp", "is_internal", "raw"] as const;

/**
 * The ON CONFLICT merge of a stored leg (`calls`) with an incoming event (`excluded`), as SQL for both
 * engines. Events are ordered by (describes the call, event_timestamp, raw): a post-call event (a late
 * partial one) ranks below every state that says how the call went. The stored row keeps the newest
 * event's state, time and payload; values it left out come from the next newest that has them; facts
 * seen once stay. So the row is the same whatever order the events arrive in, and an older event (a REST
 * item ordered by date_ended) still fills what newer ones left out. Keep in step with mergeCallLegs.
 * `changed` is true only when the merge changes the row: re-reading known calls writes nothing and
 * queues no recompute.
 */
export function buildCallMerge(engine: "sqlite" | "postgres"): { assignments: string; changed: string } {
  const collate = engine === "postgres" ? ` COLLATE "C"` : "";
  const rank = (side: string) => `(CASE WHEN ${side}.state IN (${postCallStateList}) THEN 0 ELSE 1 END, ${side}.event_timestamp, ${side}.raw${collate})`;
  const isNewer = `${rank("excluded")} > ${rank("calls")}`;
  const merged = new Map<string, string>();
  for (const column of coalescedColumns) {
    merged.set(column, `CASE WHEN ${isNewer} THEN COALESCE(excluded.${column}, calls.${column}) ELSE COALESCE(calls.${column}, excluded.${column}) END`);
  }
  for (const column of stickyColumns) merged.set(column, `(calls.${column} OR excluded.${column})`);
  for (const column of newestColumns) merged.set(column, `CASE WHEN ${isNewer} THEN excluded.${column} ELSE calls.${column} END`);
  merged.set(
    "labels",
    `CASE WHEN ${isNewer} THEN COALESCE(NULLIF(excluded.labels, '[]'), calls.labels) ELSE COALESCE(NULLIF(calls.labels, '[]'), excluded.labels) END`,
  );
  const columns = [...merged.keys()];
  const values = columns.map((column) => merged.get(column)!);
  const stored = columns.map((column) => `calls.${column}`);
  const changed = engine === "postgres"
    ? `ROW(${values.join(", ")}) IS DISTINCT FROM ROW(${stored.join(", ")})`
    : `(${values.join(", ")}) IS NOT (${stored.join(", ")})`;
  const assignments = [...columns.map((column, index) => `${column} = ${values[index]}`), "updated_at = excluded.updated_at"].join(",\n  ");
  return { assignments, changed };
}

/**
 * Marks the caller's leg of an internal call whose receiver's leg carries the voicemail: Dialpad puts the
 * voicemail only on the receiver's side and may end the caller's leg as a plain "hangup". The legs just
 * written (`:ids`, either side of the pair, in any order) find their partners through the link indexes.
 * Parameters `:org`, `:stamp`, `:ids`; `idsTest` is each engine's "column is one of :ids".
 */
export function linkVoicemailLeftSql(idsTest: (column: string) => string): string {
  // One indexed lookup per link column (a single OR of the three scanned the organization's calls on SQLite).
  // Directions are compared as expressions: without statistics PostgreSQL otherwise walks the organization's
  // calls through calls_org_user_legs_idx (organization, direction, …) instead (8.6 s against 31 ms a batch).
  const receivers = ["r.dialpad_call_id", "r.entry_point_call_id", "r.master_call_id"].map((column) => `
  SELECT COALESCE(r.entry_point_call_id, r.master_call_id) FROM calls r
  WHERE r.organization_id = :org AND ${idsTest(column)} AND r.direction || '' = 'inbound' AND r.is_internal AND r.has_voicemail`);
  return `
UPDATE calls SET left_voicemail = TRUE, updated_at = :stamp
WHERE organization_id = :org AND direction || '' = 'outbound' AND NOT left_voicemail AND dialpad_call_id IN (${receivers.join("\n  UNION ALL")})`;
}
