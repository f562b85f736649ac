// The day's calls as compact, preformatted items: sent once to the client, which draws both the
// timeline and the table from them (a 300-call day stays small on the wire and quick to render).
import { describeOtherParty, getTalkMs } from "@/components/calls/call-format";
import { callKindLabels, type CallKind } from "@/lib/calls/rules";
import type { CallDirection } from "@/lib/calls/types";
import { createLocalTimeFormatter, formatDuration, type DayBounds } from "@/lib/dates";
import type { DayCall } from "@/lib/services/scores/get-employee-day-score";
import { layoutTimeline, type TimelineBar } from "./timeline-model";

export interface DayCallItem {
  id: number;
  href: string;
  direction: CallDirection;
  /** Local "HH:mm" of the start, and of the end (null while in progress). */
  start: string;
  end: string | null;
  party: string;
  /** Formatted talk time, or null while in progress. */
  talk: string | null;
  counted: string;
  /** The contribution after overlap, when it is less than the counted time. */
  afterOverlap: string | null;
  kind: string;
  isFlagged: boolean;
  reason: string;
  bar: Omit<TimelineBar, "id">;
}

type BuildOptions = { bounds: DayBounds; timeZone: string; now: number; callHref: (callId: number) => string };

export function buildDayCallItems(calls: readonly DayCall[], options: BuildOptions): { items: DayCallItem[]; laneCount: number } {
  const formatTime = createLocalTimeFormatter(options.timeZone);
  const { bars, laneCount } = layoutTimeline(
    calls.map((call) => ({ ...call, id: call.callId })),
    options.bounds,
    options.now,
  );
  const barById = new Map(bars.map(({ id, ...bar }) => [id, bar]));
  const items = calls.map((call): DayCallItem => ({
    id: call.callId,
    href: options.callHref(call.callId),
    direction: call.direction,
    start: formatTime(call.startedAt),
    end: call.endedAt === null ? null : formatTime(call.endedAt),
    party: describeOtherParty(call),
    talk: call.endedAt === null ? null : formatDuration(getTalkMs(call)),
    counted: formatDuration(call.countedMs),
    afterOverlap: call.contributionMs < call.countedMs ? formatDuration(call.contributionMs) : null,
    kind: callKindLabels[call.kind as CallKind] ?? call.kind,
    isFlagged: call.isFlagged,
    reason: call.reason,
    bar: barById.get(call.callId)!,
  }));
  return { items, laneCount };
}
