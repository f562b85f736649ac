import Link from "next/link";
import { describeOtherParty, directionLabels, getTalkMs } from "@/components/calls/call-format";
import { callKindLabels, type CallKind } from "@/lib/calls/rules";
import { formatDuration, formatLocalTime } from "@/lib/dates";
import type { DayCall } from "@/lib/services/scores/get-employee-day-score";
import styles from "./day.module.css";

type DayCallsTableProps = { calls: DayCall[]; timeZone: string; callHref: (callId: number) => string };

/** The day's legs in start order; the time opens the call (a modal, or a page on a fresh load). */
export function DayCallsTable({ calls, timeZone, callHref }: DayCallsTableProps) {
  return (
    <div className="table-wrap">
      <table className={styles.callsTable}>
        <caption className="visually-hidden">Calls on this day, times in {timeZone}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Direction</th>
            <th scope="col">Other party</th>
            <th scope="col">Talk time</th>
            <th scope="col">Counted</th>
            <th scope="col">Status</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {calls.length === 0 ? (
            <tr>
              <td colSpan={7} className="muted">
                No calls on this day.
              </td>
            </tr>
          ) : (
            calls.map((call) => (
              <tr key={call.callId} className={call.isFlagged ? styles.flaggedRow : undefined} data-call-id={call.callId}>
                <td>
                  <Link href={callHref(call.callId)} scroll={false}>
                    {formatLocalTime(call.startedAt, timeZone)}
                    <span className="visually-hidden">, open call details</span>
                  </Link>
                </td>
                <td>{directionLabels[call.direction]}</td>
                <td>{describeOtherParty(call)}</td>
                <td>{call.endedAt === null ? "In progress" : formatDuration(getTalkMs(call))}</td>
                <td>
                  {formatDuration(call.countedMs)}
                  {call.contributionMs < call.countedMs ? (
                    <small className="muted"> ({formatDuration(call.contributionMs)} after overlap)</small>
                  ) : null}
                </td>
                <td>
                  {callKindLabels[call.kind as CallKind] ?? call.kind}
                  {call.isFlagged ? <span className={`badge ${styles.flagBadge}`}> Flagged</span> : null}
                </td>
                <td className={styles.wrap}>{call.reason}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
