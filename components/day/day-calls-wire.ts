// The day's calls as they cross to the browser: one array per call instead of an object, each
// repeated text (party, status, reason) once in a shared list, durations as milliseconds only. A
// 300-call day's props shrink to about a quarter, and the browser rebuilds the items the server built.
// An overlap's reason names the earlier call ("Overlaps your 06:00 call with …"), so it crosses as that call's place.
import { describeOverlapReason } from "@/lib/calls/call-overlaps";
import { formatDuration } from "@/lib/dates";
import { callFilters, type DayCallItem } from "./day-calls-model";

type PackedCall = [
  id: number,
  direction: DayCallItem["direction"],
  startedAt: number,
  start: string,
  end: string | null,
  isPreviousDay: 0 | 1,
  party: number,
  talkMs: number | null,
  addedMs: number,
  overlapped: string | null,
  status: number,
  isFlagged: 0 | 1,
  /** `why` is either null or the reason itself. */
  hasWhy: 0 | 1,
  /** An index into `texts`, or -(i + 1): the overlap reason that names `calls[i]`. */
  reason: number,
  /** Bit i set: in `callFilters[i]`. */
  filters: number,
  lane: number,
  left: number,
  width: number,
  connectedFrom: number | null,
];

export interface PackedDayCalls {
  texts: string[];
  calls: PackedCall[];
}

const describeOverlapWith = (item: Pick<DayCallItem, "start" | "party">) => describeOverlapReason(`${item.start} call with ${item.party}`);

export function packDayCalls(items: readonly DayCallItem[]): PackedDayCalls {
  const texts: string[] = [];
  const indexes = new Map<string, number>();
  const text = (value: string) => indexes.get(value) ?? (indexes.set(value, texts.push(value) - 1), texts.length - 1);
  const bit = (flag: boolean) => (flag ? 1 : 0);
  const overlapReasons = new Map<string, number>();
  items.forEach((item, index) => {
    const reason = describeOverlapWith(item);
    if (!overlapReasons.has(reason)) overlapReasons.set(reason, index);
  });
  const reasonOf = (item: DayCallItem) => {
    const index = item.filters.includes("overlap") ? overlapReasons.get(item.reason) : undefined;
    return index === undefined ? text(item.reason) : -(index + 1);
  };
  const calls = items.map((item): PackedCall => [
    item.id, item.direction, item.startedAt, item.start, item.end, bit(item.isPreviousDay), text(item.party),
    item.talkMs, item.addedMs, item.overlapped, text(item.status), bit(item.isFlagged),
    bit(item.why !== null), reasonOf(item),
    item.filters.reduce((mask, filter) => mask | (1 << callFilters.indexOf(filter)), 0),
    item.bar.lane, item.bar.left, item.bar.width, item.bar.connectedFrom,
  ]);
  return { texts, calls };
}

/** The items `packDayCalls` was given; each call's link is `${callBasePath}/${id}`. */
export function unpackDayCalls({ texts, calls }: PackedDayCalls, callBasePath: string): DayCallItem[] {
  const reasonText = (reason: number) => {
    if (reason >= 0) return texts[reason]!;
    const [, , , start, , , party] = calls[-reason - 1]!;
    return describeOverlapWith({ start, party: texts[party]! });
  };
  return calls.map(
    ([id, direction, startedAt, start, end, isPreviousDay, party, talkMs, addedMs, overlapped, status, isFlagged, hasWhy, reason, filters, lane, left, width, connectedFrom]) => ({
      id,
      href: `${callBasePath}/${id}`,
      direction,
      startedAt,
      start,
      end,
      isPreviousDay: isPreviousDay === 1,
      party: texts[party]!,
      talkMs,
      talk: talkMs === null ? null : formatDuration(talkMs),
      addedMs,
      added: formatDuration(addedMs),
      overlapped,
      status: texts[status]!,
      isFlagged: isFlagged === 1,
      why: hasWhy === 1 ? reasonText(reason) : null,
      reason: reasonText(reason),
      filters: callFilters.filter((_, i) => (filters & (1 << i)) !== 0),
      bar: { lane, left, width, connectedFrom },
    }),
  );
}
