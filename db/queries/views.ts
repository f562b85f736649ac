// Reads for the manager views (team day, employee day, call detail). Every query is scoped by
// organization and served by an index named beside it.
import { and, asc, eq, inArray, min, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { firstRow } from "@/db/rows";
import {
  callDayEntries,
  calls,
  employeeDialpadLinks,
  syncRuns,
  type CallDayEntry,
  type CallRow,
  type EmployeeDialpadLink,
  type SyncRun,
} from "@/db/schema";

export async function getCallById(db: Db, params: { organizationId: number; callId: number }): Promise<CallRow | undefined> {
  return firstRow(db.select().from(calls).where(and(eq(calls.id, params.callId), eq(calls.organizationId, params.organizationId))));
}

/** call_day_entries_call_idx: the call's share of each day it touches, for any employee. */
export async function listCallEntries(
  db: Db,
  params: { organizationId: number; callId: number },
): Promise<CallDayEntry[]> {
  return db
    .select()
    .from(callDayEntries)
    .where(and(eq(callDayEntries.organizationId, params.organizationId), eq(callDayEntries.callId, params.callId)))
    .orderBy(asc(callDayEntries.dayKey));
}

/**
 * Legs linked to any of `graphIds` (Dialpad call ids): the legs themselves, and legs naming one of
 * them as master or entry point. The organization sits inside each OR branch so each branch has its
 * own index (calls_org_dialpad_call_uq, calls_org_master_idx, calls_org_entry_point_idx: a
 * multi-index OR); outside the OR, SQLite walks every call of the organization.
 */
export async function listLinkedLegs(db: Db, params: { organizationId: number; graphIds: string[] }): Promise<CallRow[]> {
  if (params.graphIds.length === 0) return [];
  const inOrganization = eq(calls.organizationId, params.organizationId);
  return db
    .select()
    .from(calls)
    .where(
      or(
        and(inOrganization, inArray(calls.dialpadCallId, params.graphIds)),
        and(inOrganization, inArray(calls.masterCallId, params.graphIds)),
        and(inOrganization, inArray(calls.entryPointCallId, params.graphIds)),
      ),
    )
    .orderBy(asc(calls.startedAt), asc(calls.id))
    .limit(200);
}

export async function listLinksByDialpadUsers(
  db: Db,
  organizationId: number,
  dialpadUserIds: string[],
): Promise<EmployeeDialpadLink[]> {
  if (dialpadUserIds.length === 0) return [];
  return db
    .select()
    .from(employeeDialpadLinks)
    .where(
      and(
        eq(employeeDialpadLinks.organizationId, organizationId),
        inArray(employeeDialpadLinks.dialpadUserId, dialpadUserIds),
      ),
    );
}

/** sync_runs_one_running_uq: the organization's running sync, if any. */
export async function getRunningSync(db: Db, organizationId: number): Promise<SyncRun | undefined> {
  return firstRow(db.select().from(syncRuns).where(and(eq(syncRuns.organizationId, organizationId), eq(syncRuns.status, "running"))));
}

/** The earliest instant any finished backfill or re-sync has read from: calls before it were never fetched. */
export async function getSyncedHistoryStart(db: Db, organizationId: number): Promise<number | null> {
  const row = await firstRow(
    db
      .select({ start: min(syncRuns.rangeStart) })
      .from(syncRuns)
      .where(and(eq(syncRuns.organizationId, organizationId), eq(syncRuns.status, "succeeded"))),
  );
  return row?.start ?? null;
}
