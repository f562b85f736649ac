// Call-day entries keep no foreign key to calls (issue 17: checking it, and the call_id index it
// needed, were a random read and a random write per entry at 10 M legs). So whoever deletes calls
// deletes their entries here, in the same transaction, by exact keys of call_day_entries_uq.
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { callDayEntries, calls, employeeDialpadLinks } from "@/db/schema";
import { addDays, getDayKeyForInstant, listDayKeys } from "@/lib/dates";

/** What a calls delete returns (`.returning(deletedCallColumns)`) for deleteEntriesOfCalls. */
export const deletedCallColumns = {
  id: calls.id,
  dialpadUserId: calls.dialpadUserId,
  startedAt: calls.startedAt,
  connectedAt: calls.connectedAt,
  endedAt: calls.endedAt,
};

export type DeletedCall = { id: number; dialpadUserId: string | null; startedAt: number; connectedAt: number | null; endedAt: number | null };

// (employee_id, day_key, call_id) triples per statement: three parameters each.
const chunkKeys = 500;

/**
 * The UTC days of the call's span widened by two days each way: a superset of the local days (any time
 * zone, any day-start hour) the recompute can have filed the call's entries under.
 */
export function listPossibleDayKeys(call: Omit<DeletedCall, "id" | "dialpadUserId">): string[] {
  const from = Math.min(call.startedAt, call.connectedAt ?? call.startedAt);
  const to = Math.max(call.startedAt, call.endedAt ?? call.startedAt);
  return listDayKeys(addDays(getDayKeyForInstant(from, "UTC"), -2), addDays(getDayKeyForInstant(to, "UTC"), 2));
}

/**
 * Deletes the entries of just-deleted calls: an entry belongs to the employee mapped to the leg's
 * Dialpad user. Entries an earlier mapping left with another employee are that employee's queued
 * recompute's to remove; until then readers join calls, and ids are never reused (AUTOINCREMENT, identity).
 */
export async function deleteEntriesOfCalls(tx: Db, organizationId: number, deleted: readonly DeletedCall[]): Promise<number> {
  const userIds = [...new Set(deleted.flatMap((call) => (call.dialpadUserId === null ? [] : [call.dialpadUserId])))];
  if (userIds.length === 0) return 0;
  const links = await tx
    .select({ employeeId: employeeDialpadLinks.employeeId, dialpadUserId: employeeDialpadLinks.dialpadUserId })
    .from(employeeDialpadLinks)
    .where(and(eq(employeeDialpadLinks.organizationId, organizationId), inArray(employeeDialpadLinks.dialpadUserId, userIds)));
  const employeeOf = new Map(links.map((link) => [link.dialpadUserId, link.employeeId]));
  const keys: SQL[] = [];
  for (const call of deleted) {
    const employeeId = call.dialpadUserId === null ? undefined : employeeOf.get(call.dialpadUserId);
    if (employeeId === undefined) continue;
    for (const dayKey of listPossibleDayKeys(call)) {
      keys.push(sql`(CAST(${employeeId} AS integer), ${dayKey}, CAST(${call.id} AS integer))`);
    }
  }
  let count = 0;
  for (let start = 0; start < keys.length; start += chunkKeys) {
    const gone = await tx
      .delete(callDayEntries)
      .where(
        and(
          eq(callDayEntries.organizationId, organizationId),
          sql`(${callDayEntries.employeeId}, ${callDayEntries.dayKey}, ${callDayEntries.callId}) IN (VALUES ${sql.join(keys.slice(start, start + chunkKeys), sql`, `)})`,
        ),
      )
      .returning({ id: callDayEntries.id });
    count += gone.length;
  }
  return count;
}
