// The row shapes the per-engine call upserts (sqlite-calls.ts, postgres-calls.ts) take from db/queries/calls.ts.

/** The calls columns an upsert writes, in the order of an UpsertCallRow's values. */
export const callColumns = [
  "organization_id", "dialpad_call_id", "dialpad_user_id", "master_call_id", "entry_point_call_id", "operator_call_id",
  "direction", "state", "started_at", "rang_at", "connected_at", "ended_at", "event_timestamp", "duration_ms",
  "external_number", "internal_number", "contact_name", "contact_phone", "contact_type", "target_type", "target_name",
  "entry_point_target_name", "is_transferred", "was_recorded", "has_voicemail", "is_internal", "labels", "raw",
  "first_synced_at", "updated_at",
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
