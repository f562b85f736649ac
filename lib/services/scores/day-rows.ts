// Turns computed day facts into the stored row and call entries, with the hash that lets a
// recompute skip days whose facts did not change.
import { createHash } from "node:crypto";
import type { DayFactsRow, EntryRow, StoredDayFacts } from "@/db/queries/score-rows";
import { addDays, type DayKey } from "@/lib/dates";
import { BASELINE_WINDOW_DAYS } from "@/lib/scoring/score";
import type { DayFacts } from "@/lib/scoring/day-facts";

export interface PreparedDay {
  row: DayFactsRow;
  entries: EntryRow[];
}

// A number as JSON.stringify writes it: the hash is built by hand (no array per entry) but must stay byte-identical
// to JSON.stringify([role, …facts, entries' values]), or every stored day would count as changed once.
const num = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? String(n) : "null");

export function prepareDay(
  facts: DayFacts,
  context: { organizationId: number; employeeId: number; role: string; computedAt: number },
  legIds: ReadonlyMap<string, number>,
): PreparedDay {
  const entries: EntryRow[] = facts.calls.map((call) => ({
    callId: legIds.get(call.dialpadCallId)!,
    kind: call.kind,
    countedMs: call.countedMs,
    contributionMs: call.contributionMs,
    isFlagged: call.isFlagged,
    isStartDay: call.isStartDay,
    countsAsConnectedCall: call.countsAsConnectedCall,
    reason: call.reason,
  }));
  const { dayKey, talkMs, connectedCalls, voicemailsLeft, voicemailsReceived, missedCalls, notAnsweredCalls, hasActivity } = facts;
  let hashed = `[${JSON.stringify(context.role)},${num(talkMs)},${num(connectedCalls)},${num(voicemailsLeft)},${num(voicemailsReceived)},`
    + `${num(missedCalls)},${num(notAnsweredCalls)},${hasActivity},[`;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    hashed += `${i === 0 ? "" : ","}[${num(e.callId)},${JSON.stringify(e.kind)},${num(e.countedMs)},${num(e.contributionMs)},`
      + `${e.isFlagged},${e.isStartDay},${e.countsAsConnectedCall},${JSON.stringify(e.reason)}]`;
  }
  hashed += "]]";
  return {
    row: {
      organizationId: context.organizationId, employeeId: context.employeeId, dayKey, role: context.role,
      talkMs, connectedCalls, voicemailsLeft, voicemailsReceived, missedCalls, notAnsweredCalls, hasActivity,
      factsHash: createHash("sha1").update(hashed).digest("base64"),
      computedAt: context.computedAt,
    },
    entries,
  };
}

/** Days of a role to rescore, both included. */
export interface RoleDayRange {
  role: string;
  fromDay: DayKey;
  toDay: DayKey;
}

type DaySignals = Pick<StoredDayFacts, "role" | "talkMs" | "connectedCalls" | "hasActivity">;

/**
 * What must be rescored after a day's facts went from `before` to `after` (either may be missing):
 * the day itself when its signals or role changed, and the 28 following days of each role whose
 * baseline the day feeds when it had or has activity. That bound is what keeps a recompute of one
 * day from touching more than a month of its role's rows.
 */
export function planRescore(dayKey: DayKey, before: DaySignals | null, after: DaySignals | null): RoleDayRange[] {
  const isSame = before && after && before.role === after.role && before.talkMs === after.talkMs
    && before.connectedCalls === after.connectedCalls && before.hasActivity === after.hasActivity;
  if (isSame) return [];
  const ranges: RoleDayRange[] = [];
  const windowEnd = addDays(dayKey, BASELINE_WINDOW_DAYS);
  if (after) ranges.push({ role: after.role, fromDay: dayKey, toDay: after.hasActivity ? windowEnd : dayKey });
  if (before?.hasActivity) ranges.push({ role: before.role, fromDay: addDays(dayKey, 1), toDay: windowEnd });
  return ranges;
}

/** Merges overlapping or adjacent ranges of the same role. */
export function mergeRanges(ranges: readonly RoleDayRange[]): RoleDayRange[] {
  const sorted = [...ranges].sort((a, b) => (a.role < b.role ? -1 : a.role > b.role ? 1 : a.fromDay < b.fromDay ? -1 : 1));
  const merged: RoleDayRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && last.role === range.role && range.fromDay <= addDays(last.toDay, 1)) {
      if (range.toDay > last.toDay) last.toDay = range.toDay;
    } else {
      merged.push({ ...range });
    }
  }
  return merged;
}
