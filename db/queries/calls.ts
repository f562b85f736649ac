import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import { and, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, quarantinedRecords, type SyncRecordSource } from "@/db/schema";
import type { CallLeg } from "@/lib/calls/types";

/** A validated leg with the payload it came from. */
export interface IncomingLeg {
  leg: CallLeg;
  raw: unknown;
}

export interface RejectedRecord {
  raw: unknown;
  issues: string[];
}

export interface UpsertCounts {
  added: number;
  updated: number;
}

// Last writer wins by event_timestamp: an older event never overwrites a newer one. On a tie the
// larger raw payload wins, so the stored row does not depend on the order events arrive in.
const upsertSql = `
INSERT INTO calls (organization_id, dialpad_call_id, dialpad_user_id, master_call_id, entry_point_call_id,
  operator_call_id, direction, state, started_at, rang_at, connected_at, ended_at, event_timestamp, duration_ms,
  external_number, internal_number, contact_name, contact_phone, contact_type, target_type, target_name,
  entry_point_target_name, is_transferred, was_recorded, has_voicemail, is_internal, labels, raw,
  first_synced_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
ON CONFLICT (organization_id, raw_hash) DO UPDATE SET
  last_seen_at = excluded.last_seen_at, times_seen = times_seen + 1, sync_run_id = excluded.sync_run_id`;

interface Statements {
  upsert: Database.Statement<unknown[], { first_synced_at: number }>;
  quarantine: Database.Statement<unknown[]>;
}

// Prepared once per connection: building the statement per row costs more than running it.
const statementCache = new WeakMap<Database.Database, Statements>();

function statementsFor(client: Database.Database): Statements {
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

// Strictly increasing per process, so RETURNING first_synced_at = stamp tells an insert from an update.
let lastStamp = 0;
export function nextWriteStamp(now: number = Date.now()): number {
  lastStamp = Math.max(now, lastStamp + 1);
  return lastStamp;
}

const flag = (value: boolean) => (value ? 1 : 0);

/**
 * Upserts legs with one prepared statement. Synchronous: call it inside a short transaction.
 * The legs must have distinct call ids (see dedupeLegs).
 */
export function upsertCallRows(db: Db, organizationId: number, legs: readonly IncomingLeg[], stamp: number): UpsertCounts {
  const { upsert } = statementsFor(db.$client);
  const counts: UpsertCounts = { added: 0, updated: 0 };
  for (const { leg, raw } of legs) {
    const row = upsert.get(
      organizationId, leg.dialpadCallId, leg.dialpadUserId, leg.masterCallId, leg.entryPointCallId,
      leg.operatorCallId, leg.direction, leg.state, leg.startedAt, leg.rangAt, leg.connectedAt, leg.endedAt,
      leg.eventTimestamp, leg.durationMs, leg.externalNumber, leg.internalNumber, leg.contactName, leg.contactPhone,
      leg.contactType, leg.targetType, leg.targetName, leg.entryPointTargetName, flag(leg.isTransferred),
      flag(leg.wasRecorded), flag(leg.hasVoicemail), flag(leg.isInternal), JSON.stringify(leg.labels),
      JSON.stringify(raw), stamp, stamp,
    );
    if (!row) continue;
    if (row.first_synced_at === stamp) counts.added++;
    else counts.updated++;
  }
  return counts;
}

/** Keeps one leg per call id: the one that would win the upsert anyway. */
export function dedupeLegs(legs: readonly IncomingLeg[]): IncomingLeg[] {
  const byId = new Map<string, IncomingLeg>();
  for (const item of legs) {
    const seen = byId.get(item.leg.dialpadCallId);
    if (!seen || item.leg.eventTimestamp > seen.leg.eventTimestamp) byId.set(item.leg.dialpadCallId, item);
    else if (item.leg.eventTimestamp === seen.leg.eventTimestamp && JSON.stringify(item.raw) > JSON.stringify(seen.raw)) {
      byId.set(item.leg.dialpadCallId, item);
    }
  }
  return byId.size === legs.length ? [...legs] : [...byId.values()];
}

/** Stores records that failed validation; the same payload seen again only bumps its counter. Synchronous. */
export function quarantineRecords(
  db: Db,
  organizationId: number,
  records: readonly RejectedRecord[],
  context: { source: SyncRecordSource; syncRunId: number | null; now: number },
): number {
  const { quarantine } = statementsFor(db.$client);
  for (const record of records) {
    const raw = JSON.stringify(record.raw) ?? "null";
    quarantine.run(
      organizationId, context.source, context.syncRunId, readCallId(record.raw),
      createHash("sha256").update(raw).digest("hex"), raw, JSON.stringify(record.issues), context.now, context.now,
    );
  }
  return records.length;
}

function readCallId(raw: unknown): string | null {
  if (typeof raw !== "object" || raw === null || !("call_id" in raw)) return null;
  const id = (raw as { call_id: unknown }).call_id;
  return typeof id === "string" || typeof id === "number" ? String(id).slice(0, 40) : null;
}

export async function countOrganizationCalls(db: Db, organizationId: number): Promise<number> {
  return db.select({ n: count() }).from(calls).where(eq(calls.organizationId, organizationId)).get()?.n ?? 0;
}

export async function listQuarantinedRecords(db: Db, organizationId: number) {
  return db.select().from(quarantinedRecords).where(eq(quarantinedRecords.organizationId, organizationId)).all();
}

export async function getCallByDialpadId(db: Db, organizationId: number, dialpadCallId: string) {
  return db
    .select()
    .from(calls)
    .where(and(eq(calls.organizationId, organizationId), eq(calls.dialpadCallId, dialpadCallId)))
    .get();
}

/** Deletes the organization's synced calls and quarantined records in short chunks (disconnect with "delete"). */
export async function deleteOrganizationCallData(db: Db, organizationId: number, chunkSize = 5_000): Promise<void> {
  const deleteChunk = db.$client.prepare(
    "DELETE FROM calls WHERE id IN (SELECT id FROM calls WHERE organization_id = ? LIMIT ?)",
  );
  while (deleteChunk.run(organizationId, chunkSize).changes > 0) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  db.delete(quarantinedRecords).where(eq(quarantinedRecords.organizationId, organizationId)).run();
}
