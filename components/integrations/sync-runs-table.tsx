import type { SyncRunKind, SyncRunStatus, SyncRunTrigger } from "@/db/schema";
import { formatDayKey, formatLocalDateTime, getDayKeyForInstant } from "@/lib/dates";
import type { SyncRunView } from "@/lib/services/sync/get-sync-overview";

const kindLabels: Record<SyncRunKind, string> = { backfill: "Backfill", incremental: "Incremental sync", resync: "Re-sync" };
const triggerLabels: Record<SyncRunTrigger, string> = { connect: "after connecting", schedule: "on schedule", admin: "by an admin" };
const statusLabels: Record<SyncRunStatus, string> = { running: "Running", succeeded: "Done", failed: "Failed" };

/** "26%", "0.4%" or "<0.1%": the share of Dialpad's 20 requests/s a run used while it worked. */
export function formatLimitShare(share: number): string {
  const percent = share * 100;
  if (percent >= 10) return `${Math.round(percent)}%`;
  if (percent >= 0.1) return `${percent.toFixed(1)}%`;
  return percent > 0 ? "<0.1%" : "0%";
}

function formatHours(ms: number): string {
  const hours = Math.round(ms / 3_600_000);
  return hours === 1 ? "hour" : `${hours.toLocaleString("en-US")} hours`;
}

/** The local days a backfill or re-sync read: "Sun 1 Mar 2026 – Tue 10 Mar 2026" (one day: just that day). */
export function formatRunDays(run: Pick<SyncRunView, "rangeStart" | "rangeEnd">, timeZone: string, dayStartHour: number): string {
  const first = getDayKeyForInstant(run.rangeStart, timeZone, dayStartHour);
  const last = getDayKeyForInstant(Math.max(run.rangeStart, run.rangeEnd - 1), timeZone, dayStartHour);
  return first === last ? formatDayKey(first) : `${formatDayKey(first)} – ${formatDayKey(last)}`;
}

/**
 * The sync-runs history: what ran, when, what it changed, the Dialpad requests it spent, and why a
 * run failed. Retries that got through are shown apart from errors (runs that failed).
 */
export function SyncRunsTable({ runs, timeZone, dayStartHour = 0 }: { runs: SyncRunView[]; timeZone: string; dayStartHour?: number }) {
  if (runs.length === 0) return <p className="muted">No sync has run yet.</p>;
  const number = (value: number) => value.toLocaleString("en-US");
  return (
    <div className="table-wrap">
      <table data-testid="sync-runs" className="responsive-table">
        <caption className="visually-hidden">Sync runs, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Started</th>
            <th scope="col">Finished</th>
            <th scope="col">Calls added</th>
            <th scope="col">Calls updated</th>
            <th scope="col">Requests</th>
            <th scope="col">Retries</th>
            <th scope="col">Errors</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td data-label="Run">
                {kindLabels[run.kind]} <span className="muted">{triggerLabels[run.trigger]}</span>
                {run.kind === "incremental" ? (
                  <span className="muted"> · last {formatHours(run.rangeEnd - run.rangeStart)}</span>
                ) : (
                  <span className="muted"> · {formatRunDays(run, timeZone, dayStartHour)}</span>
                )}
              </td>
              <td data-label="Started">{formatLocalDateTime(run.startedAt, timeZone)}</td>
              <td data-label="Finished">{run.finishedAt ? formatLocalDateTime(run.finishedAt, timeZone) : "—"}</td>
              <td data-label="Calls added">{number(run.callsAdded)}</td>
              <td data-label="Calls updated">{number(run.callsUpdated)}</td>
              <td data-label="Requests">
                {number(run.requestCount)}
                {run.limitShare !== null ? <span className="muted"> ({formatLimitShare(run.limitShare)} of Dialpad&apos;s limit)</span> : null}
              </td>
              <td data-label="Retries">{number(run.retryCount)}</td>
              <td data-label="Errors">
                {number(run.errorCount)}
                {run.quarantined > 0 ? <span className="muted"> ({number(run.quarantined)} records set aside)</span> : null}
              </td>
              <td data-label="Result">
                {statusLabels[run.status]}
                {run.errorMessage ? <span className="muted"> — {run.errorMessage}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
