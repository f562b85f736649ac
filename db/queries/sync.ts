import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { firstRow } from "@/db/rows";
import {
  defaultSyncSettings,
  syncRuns,
  syncSettings,
  webhookInbox,
  type NewSyncRun,
  type SyncRun,
  type SyncRunKind,
} from "@/db/schema";

export interface SyncSettings {
  backfillDays: number;
  intervalMinutes: number;
  trailingWindowHours: number;
}

export async function getSyncSettings(db: Db, organizationId: number): Promise<SyncSettings> {
  const row = await firstRow(db.select().from(syncSettings).where(eq(syncSettings.organizationId, organizationId)));
  if (!row) return { ...defaultSyncSettings };
  return { backfillDays: row.backfillDays, intervalMinutes: row.intervalMinutes, trailingWindowHours: row.trailingWindowHours };
}

export async function saveSyncSettings(db: Db, organizationId: number, values: SyncSettings, now: number): Promise<void> {
  await db
    .insert(syncSettings)
    .values({ organizationId, ...values, updatedAt: now })
    .onConflictDoUpdate({ target: syncSettings.organizationId, set: { ...values, updatedAt: now } });
}

/** When webhook deliveries last failed verification, and when the synced call data was last deleted. */
export interface SyncMarks {
  webhookFailedAt: number | null;
  callDataDeletedAt: number | null;
}

export async function getSyncMarks(db: Db, organizationId: number): Promise<SyncMarks> {
  const row = await firstRow(
    db
      .select({ webhookFailedAt: syncSettings.webhookFailedAt, callDataDeletedAt: syncSettings.callDataDeletedAt })
      .from(syncSettings)
      .where(eq(syncSettings.organizationId, organizationId)),
  );
  return { webhookFailedAt: row?.webhookFailedAt ?? null, callDataDeletedAt: row?.callDataDeletedAt ?? null };
}

export async function saveSyncMark(db: Db, organizationId: number, mark: Partial<SyncMarks>, now: number): Promise<void> {
  await db
    .insert(syncSettings)
    .values({ organizationId, ...mark, updatedAt: now })
    .onConflictDoUpdate({ target: syncSettings.organizationId, set: { ...mark, updatedAt: now } });
}

export async function setWebhookToken(db: Db, organizationId: number, token: string | null, now: number): Promise<void> {
  await db
    .insert(syncSettings)
    .values({ organizationId, webhookToken: token, updatedAt: now })
    .onConflictDoUpdate({ target: syncSettings.organizationId, set: { webhookToken: token, updatedAt: now } });
}

/** The token in the organization's webhook URL; null when none is registered. */
export async function getWebhookToken(db: Db, organizationId: number): Promise<string | null> {
  const row = await firstRow(
    db.select({ webhookToken: syncSettings.webhookToken }).from(syncSettings).where(eq(syncSettings.organizationId, organizationId)),
  );
  return row?.webhookToken ?? null;
}

export async function findOrganizationIdByWebhookToken(db: Db, token: string): Promise<number | undefined> {
  const row = await firstRow(
    db.select({ organizationId: syncSettings.organizationId }).from(syncSettings).where(eq(syncSettings.webhookToken, token)),
  );
  return row?.organizationId;
}

/** Inserts a run; null when the organization already has a running run (the one-running index). */
export async function insertSyncRun(db: Db, values: NewSyncRun): Promise<SyncRun | null> {
  return (await firstRow(db.insert(syncRuns).values(values).onConflictDoNothing().returning())) ?? null;
}

export async function getSyncRun(db: Db, organizationId: number, id: number): Promise<SyncRun | undefined> {
  return firstRow(db.select().from(syncRuns).where(and(eq(syncRuns.organizationId, organizationId), eq(syncRuns.id, id))));
}

export async function getRunningSyncRun(db: Db, organizationId: number): Promise<SyncRun | undefined> {
  return firstRow(
    db.select().from(syncRuns).where(and(eq(syncRuns.organizationId, organizationId), eq(syncRuns.status, "running"))),
  );
}

/** `startedAfter`: ignore runs started at or before it (those before a deletion of the call data). */
export async function getLatestSyncRun(
  db: Db,
  organizationId: number,
  kinds: readonly SyncRunKind[],
  startedAfter: number | null = null,
): Promise<SyncRun | undefined> {
  return firstRow(
    db
      .select()
      .from(syncRuns)
      .where(and(eq(syncRuns.organizationId, organizationId), inArray(syncRuns.kind, [...kinds]), startedAfterClause(startedAfter)))
      .orderBy(desc(syncRuns.startedAt), desc(syncRuns.id))
      .limit(1),
  );
}

/** range_end of the newest succeeded run of these kinds: everything before it has been read once. */
export async function getLastSucceededRunEnd(
  db: Db,
  organizationId: number,
  kinds: readonly SyncRunKind[],
  startedAfter: number | null = null,
): Promise<number | null> {
  const row = await firstRow(
    db
      .select({ rangeEnd: syncRuns.rangeEnd })
      .from(syncRuns)
      .where(
        and(eq(syncRuns.organizationId, organizationId), inArray(syncRuns.kind, [...kinds]), eq(syncRuns.status, "succeeded"), startedAfterClause(startedAfter)),
      )
      .orderBy(desc(syncRuns.rangeEnd))
      .limit(1),
  );
  return row?.rangeEnd ?? null;
}

/** The newest run that stopped before covering its whole range (failed backfill or re-sync). */
export async function getUnfinishedSyncRun(db: Db, organizationId: number, startedAfter: number | null = null): Promise<SyncRun | undefined> {
  return firstRow(
    db
      .select()
      .from(syncRuns)
      .where(
        and(
          eq(syncRuns.organizationId, organizationId),
          startedAfterClause(startedAfter),
          inArray(syncRuns.kind, ["backfill", "resync"]),
          eq(syncRuns.status, "failed"),
          sql`${syncRuns.windowEnd} > ${syncRuns.rangeStart}`,
        ),
      )
      .orderBy(desc(syncRuns.startedAt), desc(syncRuns.id))
      .limit(1),
  );
}

/** The oldest range_start of the succeeded backfills: everything from it on has been read. */
export async function getEarliestBackfilledStart(db: Db, organizationId: number, startedAfter: number | null): Promise<number | null> {
  const row = await firstRow(
    db
      .select({ rangeStart: syncRuns.rangeStart })
      .from(syncRuns)
      .where(and(eq(syncRuns.organizationId, organizationId), eq(syncRuns.kind, "backfill"), eq(syncRuns.status, "succeeded"), startedAfterClause(startedAfter)))
      .orderBy(asc(syncRuns.rangeStart))
      .limit(1),
  );
  return row?.rangeStart ?? null;
}

/** The newest succeeded backfill or incremental run that read at least `fullMs` back (or a backfill of any length). */
export async function getLatestFullRead(db: Db, organizationId: number, fullMs: number, startedAfter: number | null): Promise<SyncRun | undefined> {
  return firstRow(
    db
      .select()
      .from(syncRuns)
      .where(
        and(
          eq(syncRuns.organizationId, organizationId),
          eq(syncRuns.status, "succeeded"),
          or(eq(syncRuns.kind, "backfill"), and(eq(syncRuns.kind, "incremental"), gte(sql`${syncRuns.rangeEnd} - ${syncRuns.rangeStart}`, fullMs))),
          startedAfterClause(startedAfter),
        ),
      )
      .orderBy(desc(syncRuns.startedAt), desc(syncRuns.id))
      .limit(1),
  );
}

/** When the newest webhook event arrived (events are kept a week after processing); null when none. */
export async function getLatestWebhookEventAt(db: Db, organizationId: number): Promise<number | null> {
  const row = await firstRow(
    db
      .select({ receivedAt: webhookInbox.receivedAt })
      .from(webhookInbox)
      .where(eq(webhookInbox.organizationId, organizationId))
      .orderBy(desc(webhookInbox.receivedAt))
      .limit(1),
  );
  return row?.receivedAt ?? null;
}

function startedAfterClause(startedAfter: number | null) {
  return startedAfter === null ? undefined : gt(syncRuns.startedAt, startedAfter);
}

export async function listSyncRuns(db: Db, organizationId: number, limit: number): Promise<SyncRun[]> {
  return db
    .select()
    .from(syncRuns)
    .where(eq(syncRuns.organizationId, organizationId))
    .orderBy(desc(syncRuns.startedAt), desc(syncRuns.id))
    .limit(limit);
}

export interface LeaseParams {
  organizationId: number;
  id: number;
  owner: string;
  now: number;
  leaseMs: number;
}

/**
 * Takes a run for this process: a running run whose lease lapsed (its process died) or a failed run
 * being resumed. Undefined when someone else holds it or another run of the organization is running.
 */
export async function claimSyncRun(db: Db, { organizationId, id, owner, now, leaseMs }: LeaseParams): Promise<SyncRun | undefined> {
  const isTakeable = or(
    and(eq(syncRuns.status, "running"), or(isNull(syncRuns.leaseUntil), lt(syncRuns.leaseUntil, now))),
    eq(syncRuns.status, "failed"),
  );
  try {
    const claimed = db
      .update(syncRuns)
      .set({
        status: "running", leaseOwner: owner, leaseUntil: now + leaseMs, activeSince: now,
        callsSeenAtActive: sql`${syncRuns.callsSeen}`, finishedAt: null, updatedAt: now,
      })
      .where(and(eq(syncRuns.organizationId, organizationId), eq(syncRuns.id, id), isTakeable))
      .returning();
    return await firstRow(claimed);
  } catch (error) {
    // A failed run cannot become running while another run of the organization is running (the one-running index).
    if (isUniqueViolation(error)) return undefined;
    throw error;
  }
}

export async function renewSyncRunLease(db: Db, { organizationId, id, owner, now, leaseMs }: LeaseParams): Promise<boolean> {
  const renewed = await db
    .update(syncRuns)
    .set({ leaseUntil: now + leaseMs, updatedAt: now })
    .where(and(eq(syncRuns.organizationId, organizationId), eq(syncRuns.id, id), eq(syncRuns.leaseOwner, owner), eq(syncRuns.status, "running")))
    .returning({ id: syncRuns.id });
  return renewed.length === 1;
}

export interface RunOutcome {
  status: "succeeded" | "failed";
  errorMessage: string | null;
  isRetryable: boolean;
  errorCount: number;
  usage: { requestCount: number; retryCount: number; busyMs: number };
  now: number;
}

/** Ends the run if this process still holds it; false when it was taken over or stopped meanwhile. */
export async function finishSyncRun(db: Db, lease: Pick<LeaseParams, "organizationId" | "id" | "owner">, outcome: RunOutcome): Promise<boolean> {
  const finished = await db
    .update(syncRuns)
    .set({
      status: outcome.status,
      errorMessage: outcome.errorMessage,
      isRetryable: outcome.isRetryable,
      errorCount: outcome.errorCount,
      requestCount: outcome.usage.requestCount,
      retryCount: outcome.usage.retryCount,
      busyMs: outcome.usage.busyMs,
      leaseOwner: null,
      leaseUntil: null,
      finishedAt: outcome.now,
      updatedAt: outcome.now,
    })
    .where(
      and(eq(syncRuns.organizationId, lease.organizationId), eq(syncRuns.id, lease.id), eq(syncRuns.leaseOwner, lease.owner), eq(syncRuns.status, "running")),
    )
    .returning({ id: syncRuns.id });
  return finished.length === 1;
}

/** Fails whatever run is in progress (disconnect); its process sees the lost lease and stops. */
export async function stopRunningSyncRun(db: Db, organizationId: number, message: string, now: number): Promise<void> {
  await db
    .update(syncRuns)
    .set({ status: "failed", errorMessage: message, isRetryable: false, leaseOwner: null, leaseUntil: null, finishedAt: now, updatedAt: now })
    .where(and(eq(syncRuns.organizationId, organizationId), eq(syncRuns.status, "running")));
}
