import { and, asc, eq, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dialpadConnections, syncSettings, webhookInbox, type WebhookInboxRow } from "@/db/schema";
import { insertWebhookEventsPostgres, insertWebhookEventsSqlite } from "@/db/engines/insert-webhook-events";
import { requestWalCheckpoint } from "@/db/engines/sqlite-checkpointer";
import { forUpdateSkipLocked } from "@/db/locks";
import { withTransaction } from "@/db/transaction";
import { dedupeLegs, quarantineRecords, upsertCallRows, type IncomingLeg, type RejectedRecord, type UpsertCounts } from "./calls";

/** True when the event is new; a duplicate or replay (same event key) inserts nothing. */
export async function insertWebhookEvent(
  db: Db,
  event: { organizationId: number; eventKey: string; payload: string; receivedAt: number },
): Promise<boolean> {
  const inserted = await db.insert(webhookInbox).values(event).onConflictDoNothing().returning({ id: webhookInbox.id });
  return inserted.length === 1;
}

export interface NewWebhookEvent {
  organizationId: number;
  eventKey: string;
  payload: string;
  receivedAt: number;
}

/**
 * Writes several events in one transaction (the intake's group commit); returns the index of each
 * event that was new. A key already stored, or repeated earlier in `events`, is a duplicate.
 */
export async function insertWebhookEvents(db: Db, events: readonly NewWebhookEvent[]): Promise<Set<number>> {
  if (db.$engine === "sqlite") {
    const created = await insertWebhookEventsSqlite(db, events);
    return new Set(created.flatMap((isNew, index) => (isNew ? [index] : [])));
  }
  const firstOfKey = new Map<string, number>();
  events.forEach((event, index) => {
    const key = `${event.organizationId}:${event.eventKey}`;
    if (!firstOfKey.has(key)) firstOfKey.set(key, index);
  });
  const created = await insertWebhookEventsPostgres(db, [...firstOfKey.values()].map((index) => events[index]!));
  return new Set([...created].map((key) => firstOfKey.get(key)!));
}

export interface WebhookTarget {
  organizationId: number;
  connectionStatus: string | null;
  webhookSecretCipher: string | null;
}

// Prepared once per handle: the intake looks this up for every delivery, and building the query cost
// more than running it.
const targetQueries = new WeakMap<Db, ReturnType<typeof prepareTargetQuery>>();

function prepareTargetQuery(db: Db) {
  return db
    .select({
      organizationId: syncSettings.organizationId,
      connectionStatus: dialpadConnections.status,
      webhookSecretCipher: dialpadConnections.webhookSecretCipher,
    })
    .from(syncSettings)
    .leftJoin(dialpadConnections, eq(dialpadConnections.organizationId, syncSettings.organizationId))
    .where(eq(syncSettings.webhookToken, sql.placeholder("token")))
    .prepare("daymark_webhook_target");
}

/** The organization whose webhook URL carries `token`, with its connection's status and sealed secret. */
export async function findWebhookTarget(db: Db, token: string): Promise<WebhookTarget | undefined> {
  let query = targetQueries.get(db);
  if (!query) targetQueries.set(db, (query = prepareTargetQuery(db)));
  const rows = await query.execute({ token });
  return rows[0];
}

export async function listUnprocessedWebhookEvents(
  db: Db,
  organizationId: number,
  limit: number,
): Promise<Pick<WebhookInboxRow, "id" | "payload">[]> {
  return db
    .select({ id: webhookInbox.id, payload: webhookInbox.payload })
    .from(webhookInbox)
    .where(and(eq(webhookInbox.organizationId, organizationId), isNull(webhookInbox.processedAt)))
    .orderBy(asc(webhookInbox.id))
    .limit(limit);
}

/** Every inbox row of the organization, oldest first. */
export async function listWebhookEvents(db: Db, organizationId: number): Promise<WebhookInboxRow[]> {
  return db.select().from(webhookInbox).where(eq(webhookInbox.organizationId, organizationId)).orderBy(asc(webhookInbox.id));
}

export interface WebhookBatch {
  organizationId: number;
  eventIds: readonly number[];
  legs: readonly IncomingLeg[];
  rejected: readonly RejectedRecord[];
  now: number;
}

/** Applies a batch of events through the calls upsert and marks them processed, in one short transaction. */
export async function commitWebhookBatch(db: Db, batch: WebhookBatch): Promise<UpsertCounts> {
  return withTransaction(db, async (tx) => {
    const counts = await upsertCallRows(tx, batch.organizationId, dedupeLegs(batch.legs), batch.now);
    await quarantineRecords(tx, batch.organizationId, batch.rejected, { source: "webhook", syncRunId: null, now: batch.now });
    if (batch.eventIds.length > 0) {
      await tx
        .update(webhookInbox)
        .set({ processedAt: batch.now })
        .where(
          and(eq(webhookInbox.organizationId, batch.organizationId), inArray(webhookInbox.id, [...batch.eventIds]), isNull(webhookInbox.processedAt)),
        );
    }
    return counts;
  });
}

export interface ClaimedWebhookEvents extends UpsertCounts {
  events: number;
  quarantined: number;
}

/**
 * Claims the organization's oldest `limit` unprocessed events, applies them through the calls upsert
 * and marks them processed, in one transaction: two processors never apply the same event. PostgreSQL
 * skips rows another processor's transaction holds; SQLite's write lock serializes the transactions.
 * `toBatch` turns the claimed rows into legs and rejects (pure: nothing but database work awaits inside).
 */
export async function claimAndApplyWebhookEvents(
  db: Db,
  claim: {
    organizationId: number;
    limit: number;
    now: number;
    toBatch: (rows: Pick<WebhookInboxRow, "id" | "payload">[]) => { legs: IncomingLeg[]; rejected: RejectedRecord[] };
  },
): Promise<ClaimedWebhookEvents> {
  const claimed = await claimAndApply(db, claim);
  if (claimed.events > 0) requestWalCheckpoint(db);
  return claimed;
}

async function claimAndApply(db: Db, claim: Parameters<typeof claimAndApplyWebhookEvents>[1]): Promise<ClaimedWebhookEvents> {
  return withTransaction(db, async (tx) => {
    const rows = await forUpdateSkipLocked(
      tx,
      tx
        .select({ id: webhookInbox.id, payload: webhookInbox.payload })
        .from(webhookInbox)
        .where(and(eq(webhookInbox.organizationId, claim.organizationId), isNull(webhookInbox.processedAt)))
        .orderBy(asc(webhookInbox.id))
        .limit(claim.limit),
    );
    if (rows.length === 0) return { events: 0, added: 0, updated: 0, quarantined: 0 };
    const { legs, rejected } = claim.toBatch(rows);
    const counts = await upsertCallRows(tx, claim.organizationId, dedupeLegs(legs), claim.now);
    await quarantineRecords(tx, claim.organizationId, rejected, { source: "webhook", syncRunId: null, now: claim.now });
    await tx
      .update(webhookInbox)
      .set({ processedAt: claim.now })
      .where(and(eq(webhookInbox.organizationId, claim.organizationId), inArray(webhookInbox.id, rows.map((row) => row.id))));
    return { events: rows.length, ...counts, quarantined: rejected.length };
  });
}

/** Organizations with events received at or before `receivedAtOrBefore` and not yet applied (the sweeper's work list). */
export async function listOrganizationsWithPendingWebhooks(db: Db, receivedAtOrBefore: number): Promise<number[]> {
  const rows = await db
    .selectDistinct({ organizationId: webhookInbox.organizationId })
    .from(webhookInbox)
    .where(and(isNull(webhookInbox.processedAt), lte(webhookInbox.receivedAt, receivedAtOrBefore)));
  return rows.map((row) => row.organizationId);
}

/** Retention: processed events are only needed for de-duplication of late retries. */
export async function deleteProcessedWebhookEvents(db: Db, processedBefore: number): Promise<number> {
  const deleted = await db.delete(webhookInbox).where(lt(webhookInbox.processedAt, processedBefore)).returning({ id: webhookInbox.id });
  return deleted.length;
}

export async function deleteOrganizationWebhookEvents(db: Db, organizationId: number): Promise<void> {
  await db.delete(webhookInbox).where(eq(webhookInbox.organizationId, organizationId));
}
