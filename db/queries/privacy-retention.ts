// The retention job's deletes: old call legs, old daily scores and old view-log entries, a batch at a time.
import { and, eq, inArray, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, dailyScores, organizations, privacySettings } from "@/db/schema";
import { deleteEntriesOfCalls, deletedCallColumns } from "./call-entry-keys";
import { organizationFilter } from "./organization-filter";

/** Deletes up to `limit` call legs that started before `before`, and their call-day entries: run it in a transaction. */
export async function deleteCallsStartedBefore(tx: Db, params: { organizationId: number; before: number; limit: number }): Promise<number> {
  const ids = await tx
    .select({ id: calls.id })
    .from(calls)
    .where(and(eq(calls.organizationId, params.organizationId), lt(calls.startedAt, params.before)))
    .limit(params.limit);
  if (ids.length === 0) return 0;
  const gone = await tx
    .delete(calls)
    .where(and(organizationFilter(tx, calls.organizationId, params.organizationId), inArray(calls.id, ids.map((row) => row.id))))
    .returning(deletedCallColumns);
  await deleteEntriesOfCalls(tx, params.organizationId, gone);
  return gone.length;
}

/** Deletes up to `limit` daily scores of days before `beforeDayKey`. */
export async function deleteDailyScoresBefore(db: Db, params: { organizationId: number; beforeDayKey: string; limit: number }): Promise<number> {
  const ids = await db
    .select({ id: dailyScores.id })
    .from(dailyScores)
    .where(and(eq(dailyScores.organizationId, params.organizationId), lt(dailyScores.dayKey, params.beforeDayKey)))
    .limit(params.limit);
  if (ids.length === 0) return 0;
  const gone = await db
    .delete(dailyScores)
    .where(and(eq(dailyScores.organizationId, params.organizationId), inArray(dailyScores.id, ids.map((row) => row.id))))
    .returning({ id: dailyScores.id });
  return gone.length;
}

/** Organizations whose retention pass last ran before `before` (or never). */
export async function listOrganizationsDueForRetention(db: Db, before: number): Promise<number[]> {
  const rows = await db
    .select({ id: organizations.id })
    .from(organizations)
    .leftJoin(privacySettings, eq(privacySettings.organizationId, organizations.id))
    .where(or(isNull(privacySettings.retentionRanAt), lt(privacySettings.retentionRanAt, before)));
  return rows.map((row) => row.id);
}
