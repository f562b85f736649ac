import Link from "next/link";
import { formatDayKey, formatLocalDateTime, formatLocalTimeWithZone, formatZoneName, getDayKeyForInstant } from "@/lib/dates";
import type { DayStatus } from "@/lib/services/views/get-day-status";

type TeamStatusNoteProps = { status: DayStatus; isToday: boolean; isAdmin: boolean; timeZone: string };

/** The day's state for the whole team, in the employee day's words: in progress, before the history, not connected… */
export function TeamStatusNote(props: TeamStatusNoteProps) {
  const message = getMessage(props);
  if (!message) return null;
  return (
    <div className="alert alert--info" role="status" data-testid="day-status">
      <p>{message}</p>
    </div>
  );
}

function getMessage({ status, isToday, isAdmin, timeZone }: TeamStatusNoteProps) {
  switch (status.kind) {
    case "future":
      return "This day has not started yet.";
    case "not_mapped":
    case "complete":
      return null;
    case "not_connected":
      return (
        <>
          Dialpad is not connected, so new calls are not arriving.{" "}
          {isAdmin ? <Link href="/settings/products">Connect Dialpad</Link> : "Ask an administrator to connect it."}
        </>
      );
    case "sync_in_progress":
      return "A Dialpad sync is reading this day right now; scores fill in as it goes.";
    case "not_synced_yet":
      return status.historyStart === null
        ? "No data yet: Daymark has not synced this day from Dialpad, so there are no scores (—), not scores of 0."
        : `No data: this day is before Daymark's synced history, which starts ${formatDayKey(getDayKeyForInstant(status.historyStart, timeZone))}, so there are no scores (—).`;
    case "partial":
      if (isToday) return `In progress · synced up to ${formatLocalTimeWithZone(status.lastSyncAt, timeZone)}; scores may still change until the day ends.`;
      return `Dialpad was last synced at ${formatLocalDateTime(status.lastSyncAt, timeZone)} ${formatZoneName(status.lastSyncAt, timeZone)}, during this day; later calls will appear after the next sync.`;
  }
}
