import Link from "next/link";
import { formatLocalDateTime } from "@/lib/dates";
import type { DialpadConnectionSummary } from "@/lib/services/dialpad-connection/get-connection-summary";

const statusLabels = {
  connected: "Connected",
  reconnect_needed: "Reconnect needed",
  disconnected: "Disconnected",
} as const;

/** The connection's health at a glance, and what to do next. */
export function ConnectionHealth({ summary, timeZone }: { summary: DialpadConnectionSummary; timeZone: string }) {
  const when = (ms: number | null) => (ms ? formatLocalDateTime(ms, timeZone) : "Not yet");
  return (
    <div className="stack">
      <p>
        <span className={`badge badge--${summary.status}`} data-testid="dialpad-status">
          {statusLabels[summary.status]}
        </span>
      </p>
      <dl className="details">
        <dt>Dialpad company</dt>
        <dd data-testid="dialpad-company">{summary.companyName}</dd>
        <dt>Domain</dt>
        <dd>{summary.companyDomain}</dd>
        <dt>Connected by</dt>
        <dd>
          {summary.connectedByName} on {when(summary.connectedAt)}
        </dd>
        <dt>Last successful sync</dt>
        <dd>{when(summary.lastSyncAt)}</dd>
        <dt>Access token expires</dt>
        <dd>{summary.status === "connected" ? when(summary.accessTokenExpiresAt) : "No token stored"}</dd>
        <dt>Mappable Dialpad users (active, with a phone license)</dt>
        <dd data-testid="dialpad-mappable-users">
          {summary.licensedUserCount} of {summary.totalUserCount}
          <span className="muted"> (suspended, cancelled and unlicensed users can&apos;t be mapped)</span>
        </dd>
      </dl>
      {summary.lastErrorMessage ? (
        <div className="alert alert--error" role="alert">
          {summary.lastErrorMessage}
        </div>
      ) : null}
      {summary.status === "connected" ? (
        <p>
          Next step: <Link href="/settings/products/phone-system/mapping">map employees to Dialpad users</Link>.
        </p>
      ) : null}
    </div>
  );
}
