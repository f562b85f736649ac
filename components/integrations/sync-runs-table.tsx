import type { SyncRunKind, SyncRunStatus, SyncRunTrigger } from "@/db/schema";
import { formatLocalDateTime } from "@/lib/dates";
import type { SyncRunView } from "@/lib/services/sync/get-sync-overview";

const kindLabels: Record<SyncRunKind, string> = { backfill: "Backfill", incremental: "Incremental sync", resync: "Re-sync" };
const triggerLabels: Record<SyncRunTrigger, string> = { connect: "after connecting", schedule: "on schedule", admin: "by an admin" };
const statusLabels: Record<SyncRunStatus, string> = { running: "Running", succeeded: "Done", failed: "Failed" };

/** The sync-runs history: what ran, when, what it changed, and why a run failed. */
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
            <th scope="col">Pages</th>
            <th scope="col">Errors</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td>
                {kindLabels[run.kind]} <span className="muted">{triggerLabels[run.trigger]}</span>
              </td>
              <td>{formatLocalDateTime(run.startedAt, timeZone)}</td>
              <td>{run.finishedAt ? formatLocalDateTime(run.finishedAt, timeZone) : "—"}</td>
              <td>{number(run.callsAdded)}</td>
              <td>{number(run.callsUpdated)}</td>
              <td>{number(run.pages)}</td>
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
