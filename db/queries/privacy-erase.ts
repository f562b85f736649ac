// Erasing one employee (a subject request): every row about them goes in the caller's transaction.
import { and, eq, or, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { firstRow } from "@/db/rows";
import {
  callDayEntries,
  calls,
  dailyScores,
  dataViews,
  dialpadUsers,
  employeeDialpadLinks,
  employees,
  mappingEvents,
  scoreRecomputeQueue,
} from "@/db/schema";

export type ErasedCounts = {
  calls: number;
  callDayEntries: number;
  dailyScores: number;
  dataViews: number;
  mappingEvents: number;
  mappingLinks: number;
};

/** The Dialpad user the employee is mapped to now, if any. */
export async function getLinkedDialpadUserId(db: Db, key: { organizationId: number; employeeId: number }): Promise<string | null> {
  const row = await firstRow(
    db
      .select({ id: employeeDialpadLinks.dialpadUserId })
      .from(employeeDialpadLinks)
      .where(and(eq(employeeDialpadLinks.organizationId, key.organizationId), eq(employeeDialpadLinks.employeeId, key.employeeId))),
  );
  return row?.id ?? null;
}

/**
 * Deletes the employee's calls (their Dialpad user's legs), score rows, view log, mapping and queued
 * score work, then the employee; the Dialpad user stays, marked erased so it is never mapped or synced again.
 * The legs' call-day entries (no foreign key to calls) are the employee's, deleted by employee first.
 */
export async function deleteEmployeeRows(
  tx: Db,
  params: { organizationId: number; employeeId: number; dialpadUserId: string | null; now: number },
): Promise<ErasedCounts> {
  const { organizationId, employeeId, dialpadUserId } = params;
  const count = async (query: PromiseLike<{ id: number }[]>) => (await query).length;
  const entries = await count(
    tx.delete(callDayEntries).where(and(eq(callDayEntries.organizationId, organizationId), eq(callDayEntries.employeeId, employeeId))).returning({ id: callDayEntries.id }),
  );
  const scores = await count(
    tx.delete(dailyScores).where(and(eq(dailyScores.organizationId, organizationId), eq(dailyScores.employeeId, employeeId))).returning({ id: dailyScores.id }),
  );
  const views = await count(
    tx.delete(dataViews).where(and(eq(dataViews.organizationId, organizationId), eq(dataViews.employeeId, employeeId))).returning({ id: dataViews.id }),
  );
  const events = await count(
    tx.delete(mappingEvents).where(and(eq(mappingEvents.organizationId, organizationId), eq(mappingEvents.employeeId, employeeId))).returning({ id: mappingEvents.id }),
  );
  const links = await count(
    tx
      .delete(employeeDialpadLinks)
      .where(and(eq(employeeDialpadLinks.organizationId, organizationId), eq(employeeDialpadLinks.employeeId, employeeId)))
      .returning({ id: employeeDialpadLinks.id }),
  );
  const queued: SQL[] = [eq(scoreRecomputeQueue.employeeId, employeeId)];
  let callCount = 0;
  if (dialpadUserId !== null) {
    queued.push(eq(scoreRecomputeQueue.dialpadUserId, dialpadUserId));
    callCount = await count(
      tx.delete(calls).where(and(eq(calls.organizationId, organizationId), eq(calls.dialpadUserId, dialpadUserId))).returning({ id: calls.id }),
    );
    await tx
      .update(dialpadUsers)
      .set({ erasedAt: params.now })
      .where(and(eq(dialpadUsers.organizationId, organizationId), eq(dialpadUsers.dialpadUserId, dialpadUserId)));
  }
  await tx.delete(scoreRecomputeQueue).where(and(eq(scoreRecomputeQueue.organizationId, organizationId), or(...queued)));
  await tx.delete(employees).where(and(eq(employees.organizationId, organizationId), eq(employees.id, employeeId)));
  return { calls: callCount, callDayEntries: entries, dailyScores: scores, dataViews: views, mappingEvents: events, mappingLinks: links };
}
