import type { Db } from "@/db/client";
import { listCallLinkIds } from "@/db/queries/call-links";
import { listDayCallEntries } from "@/db/queries/scores";
import { findOverlaps, type Overlap } from "@/lib/calls/call-overlaps";
import type { DayCall } from "@/lib/services/scores/get-employee-day-score";

/** Where a call sits in its person's day: the calls before and after it, and what it overlapped. */
export interface CallDayContext {
  dayKey: string;
  previousCallId: number | null;
  nextCallId: number | null;
  overlap: (Overlap & { withCall: DayCall | null }) | null;
}

/** The day the call started on for this employee, in the day page's order (start time). */
export async function getCallDayContext(
  db: Db,
  params: { organizationId: number; employeeId: number; dayKey: string; callId: number },
): Promise<CallDayContext> {
  const calls = await listDayCallEntries(db, params);
  const index = calls.findIndex((call) => call.callId === params.callId);
  const links = await listCallLinkIds(db, { organizationId: params.organizationId, callIds: calls.map((call) => call.callId) });
  const overlap = findOverlaps(calls, links).get(params.callId) ?? null;
  return {
    dayKey: params.dayKey,
    previousCallId: index > 0 ? calls[index - 1]!.callId : null,
    nextCallId: index >= 0 && index < calls.length - 1 ? calls[index + 1]!.callId : null,
    overlap: overlap && { ...overlap, withCall: calls.find((call) => call.callId === overlap.withCallId) ?? null },
  };
}
