import { createHash } from "node:crypto";
import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { QuarantineRow, UpsertCallRow } from "@/db/engines/call-rows";
import { linkVoicemailLeftPostgres, quarantineRowsPostgres, upsertCallRowsPostgres } from "@/db/engines/postgres-calls";
import { linkVoicemailLeftSqlite, quarantineRowsSqlite, upsertCallRowsSqlite } from "@/db/engines/sqlite-calls";
import { firstRow } from "@/db/rows";
import { calls, quarantinedRecords, type CallRow, type QuarantinedRecord, type SyncRecordSource } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { compareLegEvents, mergeCallLegs } from "@/lib/calls/merge-legs";
import type { CallLeg } from "@/lib/calls/types";
import { deleteEntriesOfCalls, deletedCallColumns } from "./call-entry-keys";
import { organizationFilter } from "./organization-filter";

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

// Strictly increasing per process, so RETURNING first_synced_at = stamp tells an insert from an update.
let lastStamp = 0;
export function nextWriteStamp(now: number = Date.now()): number {
  lastStamp = Math.max(now, lastStamp + 1);
  return lastStamp;
}

function toRow(organizationId: number, { leg, raw }: IncomingLeg, stamp: number): UpsertCallRow {
  return [
    organizationId, leg.dialpadCallId, leg.dialpadUserId, leg.masterCallId, leg.entryPointCallId,
    leg.operatorCallId, leg.direction, leg.state, leg.startedAt, leg.rangAt, leg.connectedAt, leg.endedAt,
    leg.eventTimestamp, leg.durationMs, leg.externalNumber, leg.internalNumber, leg.contactName, leg.contactPhone,
    leg.contactType, leg.targetType, leg.targetName, leg.entryPointTargetName, leg.isTransferred,
    leg.wasRecorded, leg.hasVoicemail, leg.leftVoicemail, leg.isInternal, JSON.stringify(leg.labels), JSON.stringify(raw), stamp, stamp,
  ];
}

/**
 * Upserts legs, merging each event into the stored leg (db/engines/call-rows.ts): the newest event by
 * event_timestamp (post-call events rank below the others; a tie goes to the larger raw payload) updates
 * what it carries; times and facts already
 * known stay (connected/ended times, transfer, recording, voicemail on either side), and an older event
 * still fills what is missing. Then marks the caller's leg of an internal call whose receiver got the
 * voicemail. Call it with the transaction's handle (a few hundred to a few thousand rows per transaction).
 * The legs must have distinct call ids (see dedupeLegs); `stamp` must be new (nextWriteStamp) so inserts can be counted.
 */
export async function upsertCallRows(db: Db, organizationId: number, legs: readonly IncomingLeg[], stamp: number): Promise<UpsertCounts> {
  const rows = legs.map((item) => toRow(organizationId, item, stamp));
  const ids = legs.map((item) => item.leg.dialpadCallId);
  let written: number[];
  if (db.$engine === "postgres") {
    written = await upsertCallRowsPostgres(db, rows);
    await linkVoicemailLeftPostgres(db, organizationId, ids, stamp);
  } else {
    written = upsertCallRowsSqlite(db, rows);
    linkVoicemailLeftSqlite(db, organizationId, ids, stamp);
  }
  const added = written.filter((firstSyncedAt) => firstSyncedAt === stamp).length;
  return { added, updated: written.length - added };
}

/** One leg per call id: events of the same leg merged as the upsert merges them, with the newest raw payload. */
export function dedupeLegs(legs: readonly IncomingLeg[]): IncomingLeg[] {
  const byId = new Map<string, IncomingLeg>();
  for (const item of legs) {
    const seen = byId.get(item.leg.dialpadCallId);
    if (!seen) {
      byId.set(item.leg.dialpadCallId, item);
      continue;
    }
    const [older, newer] = isNewerEvent(item, seen) ? [seen, item] : [item, seen];
    byId.set(item.leg.dialpadCallId, { leg: mergeCallLegs(older.leg, newer.leg), raw: newer.raw });
  }
  return byId.size === legs.length ? [...legs] : [...byId.values()];
}

function isNewerEvent(a: IncomingLeg, b: IncomingLeg): boolean {
  const rawA = JSON.stringify(a.raw) ?? "";
  const rawB = JSON.stringify(b.raw) ?? "";
  return compareLegEvents(a.leg, b.leg, () => (rawA > rawB ? 1 : rawA < rawB ? -1 : 0)) > 0;
}

/** Stores records that failed validation; the same payload seen again only bumps its counter. */
export async function quarantineRecords(
  db: Db,
  organizationId: number,
  records: readonly RejectedRecord[],
  context: { source: SyncRecordSource; syncRunId: number | null; now: number },
): Promise<number> {
  // One row per payload: a statement may not upsert the same key twice on PostgreSQL.
  const byHash = new Map<string, QuarantineRow>();
  for (const record of records) {
    const raw = JSON.stringify(record.raw) ?? "null";
    const rawHash = createHash("sha256").update(raw).digest("hex");
    const seen = byHash.get(rawHash);
    if (seen) seen.timesSeen++;
    else {
      byHash.set(rawHash, {
        organizationId, source: context.source, syncRunId: context.syncRunId, dialpadCallId: readCallId(record.raw),
        rawHash, raw, issues: JSON.stringify(record.issues), now: context.now, timesSeen: 1,
      });
    }
  }
  const rows = [...byHash.values()];
  if (db.$engine === "postgres") await quarantineRowsPostgres(db, rows);
  else quarantineRowsSqlite(db, rows);
  return records.length;
}

function readCallId(raw: unknown): string | null {
  if (typeof raw !== "object" || raw === null || !("call_id" in raw)) return null;
  const id = (raw as { call_id: unknown }).call_id;
  return typeof id === "string" || typeof id === "number" ? String(id).slice(0, 40) : null;
}

export async function countOrganizationCalls(db: Db, organizationId: number): Promise<number> {
  const row = await firstRow(db.select({ n: count() }).from(calls).where(eq(calls.organizationId, organizationId)));
  return row?.n ?? 0;
}

/** Every stored leg of the organization, oldest row first (tests, and copying an install). */
export async function listOrganizationCalls(db: Db, organizationId: number): Promise<CallRow[]> {
  return db.select().from(calls).where(eq(calls.organizationId, organizationId)).orderBy(asc(calls.id));
}

export async function listQuarantinedRecords(db: Db, organizationId: number): Promise<QuarantinedRecord[]> {
  return db.select().from(quarantinedRecords).where(eq(quarantinedRecords.organizationId, organizationId));
}

export async function getCallByDialpadId(db: Db, organizationId: number, dialpadCallId: string): Promise<CallRow | undefined> {
  return firstRow(
    db.select().from(calls).where(and(eq(calls.organizationId, organizationId), eq(calls.dialpadCallId, dialpadCallId))),
  );
}

/**
 * Deletes the organization's synced calls and quarantined records (disconnect with "delete"), in short
 * statements of `chunkSize` rows, each its own transaction, so other writers get their turn in between.
 */
export async function deleteOrganizationCallData(db: Db, organizationId: number, chunkSize = 5_000): Promise<void> {
  for (;;) {
    const deleted = await withTransaction(db, async (tx) => {
      const chunk = tx.select({ id: calls.id }).from(calls).where(eq(calls.organizationId, organizationId)).limit(chunkSize);
      const gone = await tx
        .delete(calls)
        .where(and(organizationFilter(tx, calls.organizationId, organizationId), inArray(calls.id, chunk)))
        .returning(deletedCallColumns);
      await deleteEntriesOfCalls(tx, organizationId, gone);
      return gone;
    });
    if (deleted.length === 0) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  await db.delete(quarantinedRecords).where(eq(quarantinedRecords.organizationId, organizationId));
}

/** Deletes one leg and its call-day entries (the calls triggers queue its days for a recompute). Tests and maintenance. */
export async function deleteCallByDialpadId(db: Db, organizationId: number, dialpadCallId: string): Promise<boolean> {
  return withTransaction(db, async (tx) => {
    const deleted = await tx
      .delete(calls)
      .where(and(eq(calls.organizationId, organizationId), eq(calls.dialpadCallId, dialpadCallId)))
      .returning(deletedCallColumns);
    await deleteEntriesOfCalls(tx, organizationId, deleted);
    return deleted.length > 0;
  });
}
