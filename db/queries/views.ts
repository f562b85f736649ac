// Reads for the manager views (team day, employee day, call detail). Every query is scoped by
// organization and served by an index named beside it.
import { and, asc, eq, gte, inArray, lte, min, or } from "drizzle-orm";
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
import { listPossibleDayKeys } from "./call-entry-keys";

export async function getCallById(db: Db, params: { organizationId: number; callId: number }): Promise<CallRow | undefined> {
  return firstRow(db.select().from(calls).where(and(eq(calls.id, params.callId), eq(calls.organizationId, params.organizationId))));
}

/**
 * call_day_entries_uq over the call's possible days (entries have no index by call alone): the
 * employee's share of the call in each local day it touches. A range, not a list of days: PostgreSQL
 * may filter a list instead of probing it, and then reads every entry of the employee.
 */
export async function listCallEntries(
  db: Db,
  params: { organizationId: number; employeeId: number; call: Pick<CallRow, "id" | "startedAt" | "connectedAt" | "endedAt"> },
): Promise<CallDayEntry[]> {
  const days = listPossibleDayKeys(params.call);
  return db
    .select()
    .from(callDayEntries)
    .where(
      and(
        eq(callDayEntries.organizationId, params.organizationId),
        eq(callDayEntries.employeeId, params.employeeId),
        gte(callDayEntries.dayKey, days[0]!),
        lte(callDayEntries.dayKey, days.at(-1)!),
        eq(callDayEntries.callId, params.call.id),
      ),
    )
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
