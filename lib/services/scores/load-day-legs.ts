// The legs needed to recompute some of an employee's days exactly, without reading their whole history.
import type { Db } from "@/db/client";
import { listLegsForDays, listLegsInGraphs, type StoredLeg } from "@/db/queries/score-rows";
import { getCallGraphKey } from "@/lib/calls/connected-calls";
import type { DayKey, LocalDayCalendar } from "@/lib/dates";

/**
 * Every leg that can touch the days: those starting between the first day's start and the last
 * day's end, plus those already entered on the days (an unchanged call reaching in from an earlier
 * day; a changed one queued all the days it spans, so it starts inside the range). The days widen
 * to every day where a leg of the same call graph starts: which leg of a graph counts as the
 * connected call depends on all of them.
 */
export async function loadLegsForDays(
  db: Db,
  params: { organizationId: number; employeeId: number; dialpadUserId: string; calendar: LocalDayCalendar },
  initialDays: ReadonlySet<DayKey>,
): Promise<{ legs: StoredLeg[]; days: Set<DayKey> }> {
  const { organizationId, dialpadUserId, calendar } = params;
  const days = new Set(initialDays);
  for (;;) {
    const sorted = [...days].sort();
    const [fromDay, toDay] = [sorted[0]!, sorted.at(-1)!];
    const byId = new Map<number, StoredLeg>();
    const bounds = { from: calendar.getBounds(fromDay).start, to: calendar.getBounds(toDay).end, fromDay, toDay };
    for (const leg of await listLegsForDays(db, { organizationId, dialpadUserId, employeeId: params.employeeId, ...bounds })) byId.set(leg.id, leg);
    const legs = [...byId.values()];
    const keys = new Set<string>();
    for (const leg of legs) if (days.has(calendar.getDayKey(leg.startedAt))) keys.add(getCallGraphKey(leg));
    let isWidened = false;
    for (const leg of await listLegsInGraphs(db, organizationId, dialpadUserId, [...keys])) {
      const dayKey = calendar.getDayKey(leg.startedAt);
      if (!days.has(dayKey)) {
        days.add(dayKey);
        isWidened = true;
      }
    }
    if (!isWidened) return { legs, days };
  }
}
