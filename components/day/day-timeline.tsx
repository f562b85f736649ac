import { formatDuration, formatLocalTime, type DayBounds } from "@/lib/dates";
import { callKindLabels, type CallKind } from "@/lib/calls/rules";
import type { DayCall } from "@/lib/services/scores/get-employee-day-score";
import { describeCall, getTalkMs } from "@/components/calls/call-format";
import { layoutTimeline, listHourTicks } from "./timeline-model";
import { TimelineView, type TimelineItem } from "./timeline-view";

type DayTimelineProps = {
  calls: DayCall[];
  bounds: DayBounds;
  timeZone: string;
  now: number;
  callHref: (callId: number) => string;
};

/** The employee's local day as a 24-hour strip (23/25 on DST days) with one bar per call. */
export function DayTimeline({ calls, bounds, timeZone, now, callHref }: DayTimelineProps) {
  const { bars, laneCount } = layoutTimeline(
    calls.map((call) => ({ ...call, id: call.callId })),
    bounds,
    now,
  );
  const byId = new Map(calls.map((call) => [call.callId, call]));
  const items = bars.map((bar): TimelineItem => {
    const call = byId.get(bar.id)!;
    const time = `${formatLocalTime(call.startedAt, timeZone)}–${call.endedAt === null ? "now" : formatLocalTime(call.endedAt, timeZone)}`;
    const kind = callKindLabels[call.kind as CallKind] ?? call.kind;
    return {
      ...bar,
      href: callHref(call.callId),
      direction: call.direction,
      isFlagged: call.isFlagged,
      isInProgress: call.endedAt === null,
      title: describeCall(call),
      time,
      summary: `Talk ${formatDuration(getTalkMs(call))} · counted ${formatDuration(call.countedMs)} · ${kind}`,
      reason: call.reason,
    };
  });
  return <TimelineView items={items} laneCount={laneCount} ticks={listHourTicks(bounds, timeZone)} />;
}
