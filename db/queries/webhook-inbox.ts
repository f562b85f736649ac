import { and, asc, eq, inArray, isNull, lt, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookInbox, type WebhookInboxRow } from "@/db/schema";
import { dedupeLegs, quarantineRecords, upsertCallRows, type IncomingLeg, type RejectedRecord, type UpsertCounts } from "./calls";

/** True when the event is new; a duplicate or replay (same event key) inserts nothing. */
export async function insertWebhookEvent(
  db: Db,
  event: { organizationId: number; eventKey: string; payload: string; receivedAt: number },
): Promise<boolean> {
  const result = db.insert(webhookInbox).values(event).onConflictDoNothing().run();
  return result.changes === 1;
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
    .limit(limit)
    .all();
}

export interface WebhookBatch {
  organizationId: number;
  eventIds: readonly number[];
  legs: readonly IncomingLeg[];
  rejected: readonly RejectedRecord[];
  now: number;
}

/** Applies a batch of events through the calls upsert and marks them processed, in one short transaction. */
export function commitWebhookBatch(db: Db, batch: WebhookBatch): UpsertCounts {
  return db.transaction(
    (tx) => {
      const counts = upsertCallRows(db, batch.organizationId, dedupeLegs(batch.legs), batch.now);
      quarantineRecords(db, batch.organizationId, batch.rejected, { source: "webhook", syncRunId: null, now: batch.now });
      if (batch.eventIds.length > 0) {
        tx.update(webhookInbox)
          .set({ processedAt: batch.now })
          .where(and(inArray(webhookInbox.id, [...batch.eventIds]), isNull(webhookInbox.processedAt)))
          .run();
      }
      return counts;
    },
    { behavior: "immediate" },
  );
}

/** Organizations with events received at or before `receivedAtOrBefore` and not yet applied (the sweeper's work list). */
export async function listOrganizationsWithPendingWebhooks(db: Db, receivedAtOrBefore: number): Promise<number[]> {
  const rows = db
    .selectDistinct({ organizationId: webhookInbox.organizationId })
    .from(webhookInbox)
    .where(and(isNull(webhookInbox.processedAt), lte(webhookInbox.receivedAt, receivedAtOrBefore)))
    .all();
  return rows.map((row) => row.organizationId);
}

/** Retention: processed events are only needed for de-duplication of late retries. */
export async function deleteProcessedWebhookEvents(db: Db, processedBefore: number): Promise<number> {
  return db.delete(webhookInbox).where(lt(webhookInbox.processedAt, processedBefore)).run().changes;
}

export async function deleteOrganizationWebhookEvents(db: Db, organizationId: number): Promise<void> {
  db.delete(webhookInbox).where(eq(webhookInbox.organizationId, organizationId)).run();
}
