// The legs needed to recompute some of an employee's days exactly, without reading their whole history.
import type { Db } from "@/db/client";
import { getLegReach, listLegsInGraphs, listLegsStartedIn, type StoredLeg } from "@/db/queries/score-rows";
import { getCallGraphKey } from "@/lib/calls/connected-calls";
import type { DayKey, LocalDayCalendar } from "@/lib/dates";

/**
 * Loads every leg whose span can reach the days (found with the user's longest reach before and
 * after a leg's start), and widens the days to every day where a leg of the same call graph
 * starts: which leg of a graph counts as the connected call depends on all of them.
 */
export function loadLegsForDays(
  db: Db,
  organizationId: number,
  dialpadUserId: string,
  calendar: LocalDayCalendar,
  initialDays: ReadonlySet<DayKey>,
): { legs: StoredLeg[]; days: Set<DayKey> } {
  const reach = getLegReach(db, organizationId, dialpadUserId);
  const days = new Set(initialDays);
  for (;;) {
    const sorted = [...days].sort();
    const from = calendar.getBounds(sorted[0]!).start - reach.maxAfter;
    const to = calendar.getBounds(sorted.at(-1)!).end + reach.maxBefore;
    const legs = listLegsStartedIn(db, organizationId, dialpadUserId, from, to);
    const keys = new Set<string>();
    for (const leg of legs) if (days.has(calendar.getDayKey(leg.startedAt))) keys.add(getCallGraphKey(leg));
    const partners = keys.size === 0 ? [] : listLegsInGraphs(db, organizationId, dialpadUserId, [...keys]);
    let isWidened = false;
    for (const leg of partners) {
      const dayKey = calendar.getDayKey(leg.startedAt);
      if (!days.has(dayKey)) {
        days.add(dayKey);
        isWidened = true;
      }
    }
    if (!isWidened) return { legs, days };
  }
}
