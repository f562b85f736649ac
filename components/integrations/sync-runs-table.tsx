import type { SyncRunKind, SyncRunStatus, SyncRunTrigger } from "@/db/schema";
import { formatLocalDateTime } from "@/lib/dates";
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

/**
 * The sync-runs history: what ran, when, what it changed, the Dialpad requests it spent, and why a
 * run failed. Retries that got through are shown apart from errors (runs that failed).
 */
export function SyncRunsTable({ runs, timeZone }: { runs: SyncRunView[]; timeZone: string }) {
  if (runs.length === 0) return <p className="muted">No sync has run yet.</p>;
  const number = (value: number) => value.toLocaleString("en-US");
  return (
    <div className="table-wrap">
      <table data-testid="sync-runs">
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
              <td>
                {kindLabels[run.kind]} <span className="muted">{triggerLabels[run.trigger]}</span>
                {run.kind === "incremental" ? <span className="muted"> · last {formatHours(run.rangeEnd - run.rangeStart)}</span> : null}
              </td>
              <td>{formatLocalDateTime(run.startedAt, timeZone)}</td>
              <td>{run.finishedAt ? formatLocalDateTime(run.finishedAt, timeZone) : "—"}</td>
              <td>{number(run.callsAdded)}</td>
              <td>{number(run.callsUpdated)}</td>
              <td>
                {number(run.requestCount)}
                {run.limitShare !== null ? <span className="muted"> ({formatLimitShare(run.limitShare)} of Dialpad&apos;s limit)</span> : null}
              </td>
              <td>{number(run.retryCount)}</td>
              <td>
                {number(run.errorCount)}
                {run.quarantined > 0 ? <span className="muted"> ({number(run.quarantined)} records set aside)</span> : null}
              </td>
              <td>
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
