import Link from "next/link";
import { formatDayKey, formatLocalDateTime, formatLocalTimeWithZone, getDayKeyForInstant } from "@/lib/dates";
import type { DayStatus } from "@/lib/services/views/get-day-status";

type DayStatusNoteProps = {
  status: DayStatus;
  hasCalls: boolean;
  isToday: boolean;
  isAdmin: boolean;
  employeeName: string;
  timeZone: string;
};

/** Says why a day is empty (or may be incomplete); nothing when the day is complete and has calls. */
export function DayStatusNote({ status, hasCalls, isToday, isAdmin, employeeName, timeZone }: DayStatusNoteProps) {
  const message = getMessage({ status, hasCalls, isToday, isAdmin, employeeName, timeZone });
  if (!message) return null;
  return (
    <div className="alert alert--info" role="status" data-testid="day-status">
      <p>{message}</p>
    </div>
  );
}

function getMessage({ status, hasCalls, isToday, isAdmin, employeeName, timeZone }: DayStatusNoteProps) {
  if (hasCalls) {
    // The calls speak for the day; only say when more may still arrive or cannot.
    if (status.kind === "not_connected") return "Dialpad is not connected, so new calls are not arriving.";
    if (status.kind !== "sync_in_progress" && status.kind !== "partial") return null;
  }
  switch (status.kind) {
    case "future":
      return "This day has not started yet in the employee's time zone.";
    case "calls_purged":
      return `Call details removed after ${status.retentionMonths} months (the privacy setting); the day keeps its score.`;
    case "not_mapped":
      return (
        <>
          No calls: {employeeName} is not linked to a Dialpad user, so no calls are attributed to them.{" "}
          {isAdmin ? <Link href="/settings/products/phone-system/mapping">Map employees to Dialpad users</Link> : "Ask an administrator to link them."}
        </>
      );
    case "not_connected":
      return (
        <>
          No calls: Dialpad is not connected.{" "}
          {isAdmin ? <Link href="/settings/products">Connect Dialpad</Link> : "Ask an administrator to connect it."}
        </>
      );
    case "sync_in_progress":
      return "A Dialpad sync is reading this day right now; calls appear here as it goes.";
    case "not_synced_yet":
      return status.historyStart === null
        ? "No calls yet: Daymark has not synced this day from Dialpad. The first sync runs shortly after Dialpad is connected."
        : `No calls: this day is before Daymark's synced history, which starts ${formatDayKey(getDayKeyForInstant(status.historyStart, timeZone))}.`;
    case "partial":
      if (isToday) return `${capitalize(describeProgress(status.lastSyncAt, timeZone))}. New calls appear here automatically.`;
      return `Dialpad was last synced at ${formatLocalDateTime(status.lastSyncAt, timeZone)}, during this day; later calls will appear after the next sync.`;
    case "complete":
      return hasCalls ? null : "No calls on this day.";
  }
}

/** Today is never final: "in progress · synced up to 12:32 EST" (or "not synced yet today"). */
export function describeProgress(lastSyncAt: number | null, timeZone: string, dayStart = 0): string {
  if (lastSyncAt === null || lastSyncAt < dayStart) return "in progress · not synced yet today";
  return `in progress · synced up to ${formatLocalTimeWithZone(lastSyncAt, timeZone)}`;
}

const capitalize = (text: string) => text[0]!.toUpperCase() + text.slice(1);
