// The day's calls as compact, preformatted items: sent once to the client, which draws both the
// timeline and the table from them (a 300-call day stays small on the wire and quick to render).
import { describeOtherParty, getTalkMs } from "@/components/calls/call-format";
import { describeCallKind } from "@/components/calls/call-labels";
import type { CallLinkIds } from "@/db/queries/call-links";
import type { CallDirection } from "@/lib/calls/types";
import { createLocalTimeFormatter, formatDuration, type DayBounds } from "@/lib/dates";
import type { DayCall } from "@/lib/services/scores/get-employee-day-score";
import { describeOverlapReason, describeOverlapStatus, findOverlaps, type Overlap } from "@/lib/calls/call-overlaps";
import { layoutTimeline, type TimelineBar } from "./timeline-model";

export const callFilters = ["all", "counted", "missed", "voicemail", "flagged", "overlap"] as const;
export type CallFilter = (typeof callFilters)[number];

export interface DayCallItem {
  id: number;
  href: string;
  direction: CallDirection;
  startedAt: number;
  /** Local "HH:mm" of the start, and of the end (null while in progress). */
  start: string;
  end: string | null;
  /** Began before this day (the previous evening): shown with a "prev. day" marker. */
  isPreviousDay: boolean;
  party: string;
  /** Talk time, or null while in progress. */
  talkMs: number | null;
  talk: string | null;
  /** What the call added to the day, after overlap with earlier calls. */
  addedMs: number;
  added: string;
  /** The counted time the overlap took away, when any: "17m 26s overlapped". */
  overlapped: string | null;
  status: string;
  isFlagged: boolean;
  /** The reason in words for exceptions; null for a plain counted call. */
  why: string | null;
  /** Every reason, exceptions or not (the timeline's details). */
  reason: string;
  filters: CallFilter[];
  bar: Omit<TimelineBar, "id">;
}

type BuildOptions = {
  bounds: DayBounds;
  timeZone: string;
  now: number;
  callHref: (callId: number) => string;
  links?: readonly CallLinkIds[];
};

export function buildDayCallItems(calls: readonly DayCall[], options: BuildOptions): { items: DayCallItem[]; laneCount: number } {
  const formatTime = createLocalTimeFormatter(options.timeZone);
  const { bars, laneCount } = layoutTimeline(
    calls.map((call) => ({ ...call, id: call.callId })),
    options.bounds,
    options.now,
  );
  const barById = new Map(bars.map(({ id, ...bar }) => [id, bar]));
  const overlaps = findOverlaps(calls, options.links ?? []);
  const byId = new Map(calls.map((call) => [call.callId, call]));
  const items = calls.map((call): DayCallItem => {
    const overlap = overlaps.get(call.callId) ?? null;
    const withCall = overlap?.withCallId ? byId.get(overlap.withCallId) : undefined;
    const isPlain = call.kind === "counted" && !overlap;
    const reason = overlap ? describeOverlapReason(withCall ? `${formatTime(withCall.startedAt)} call with ${describeOtherParty(withCall)}` : null) : call.reason;
    const talkMs = call.endedAt === null ? null : getTalkMs(call);
    return {
      id: call.callId,
      href: options.callHref(call.callId),
      direction: call.direction,
      startedAt: call.startedAt,
      start: formatTime(call.startedAt),
      end: call.endedAt === null ? null : formatTime(call.endedAt),
      isPreviousDay: call.startedAt < options.bounds.start,
      party: describeOtherParty(call),
      talkMs,
      talk: talkMs === null ? null : formatDuration(talkMs),
      addedMs: call.contributionMs,
      added: formatDuration(call.contributionMs),
      overlapped: overlap ? formatDuration(call.countedMs - call.contributionMs) : null,
      status: overlap ? describeOverlapStatus(overlap) : describeCallKind(call.kind),
      isFlagged: call.isFlagged,
      why: isPlain ? null : reason,
      reason,
      filters: listFilters(call, overlap),
      bar: barById.get(call.callId)!,
    };
  });
  return { items, laneCount };
}

function listFilters(call: DayCall, overlap: Overlap | null): CallFilter[] {
  const filters: CallFilter[] = ["all"];
  if (call.contributionMs > 0) filters.push("counted");
  if (call.kind === "missed" || call.kind === "not_answered") filters.push("missed");
  if (call.kind === "voicemail_left" || call.kind === "voicemail_received") filters.push("voicemail");
  if (call.isFlagged) filters.push("flagged");
  if (overlap) filters.push("overlap");
  return filters;
}
