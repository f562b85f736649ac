import { describeOverlapReason, describeOverlapStatus } from "@/lib/calls/call-overlaps";
import { classifyCallLeg } from "@/lib/calls/rules";
import { formatDayKey, formatDuration, formatLocalTimeWithZone } from "@/lib/dates";
import type { CallDetail } from "@/lib/services/views/get-call-detail";
import { describeOtherParty, getRingMs, getTalkMs } from "./call-format";
import { describeCallKind } from "./call-labels";
import styles from "./calls.module.css";

/** Why the leg counted or was flagged, and what it added to the day's talk time. */
export function CallOutcome({ detail }: { detail: CallDetail }) {
  const { call, entries, timeZone } = detail;
  const labels = parseLabels(call.labels);
  // Not yet scored (just synced): the same rules the scorer applies, so the reason is still right.
  const fallback = entries.length === 0 ? classifyCallLeg({ ...call, labels }) : null;
  const kind = entries[0]?.kind ?? fallback!.kind;
  const isFlagged = entries.some((entry) => entry.isFlagged) || (fallback?.isFlagged ?? false);
  const countedMs = entries.reduce((sum, entry) => sum + entry.countedMs, 0);
  const contributionMs = entries.reduce((sum, entry) => sum + entry.contributionMs, 0);
  const ringMs = getRingMs(call);
  const overlap = detail.day?.overlap ?? null;
  const withCall = overlap?.withCall ? `${formatLocalTimeWithZone(overlap.withCall.startedAt, timeZone)} call with ${describeOtherParty(overlap.withCall)}` : null;
  const status = isFlagged ? "Flagged" : overlap ? describeOverlapStatus(overlap) : describeCallKind(kind);
  const isPlainCounted = !isFlagged && !overlap && countedMs > 0;
  return (
    <section className={styles.outcome} aria-label="How this call was scored" data-testid="call-outcome">
      <p>
        <span className={isFlagged ? `badge ${styles.flagged}` : isPlainCounted ? "badge badge--active" : "badge"} data-testid="call-status">
          {status}
        </span>{" "}
        <span data-testid="call-reason">{overlap ? describeOverlapReason(withCall) : (entries[0]?.reason ?? fallback!.reason)}</span>
        {fallback ? <span className="muted"> Not scored yet; the day&apos;s score updates shortly.</span> : null}
      </p>
      <dl className={styles.grid}>
        <div><dt>Ring time</dt><dd>{ringMs === null ? "—" : formatDuration(ringMs)}</dd></div>
        <div><dt>Talk time</dt><dd>{formatDuration(getTalkMs(call))}</dd></div>
        <div>
          <dt>Added to the day</dt>
          <dd data-testid="call-counted">
            {formatDuration(contributionMs)}
            {contributionMs < countedMs ? <small className="muted"> ({formatDuration(countedMs - contributionMs)} overlapped another call)</small> : null}
          </dd>
        </div>
      </dl>
      {entries.length > 1 ? (
        <p className="muted">
          Crosses the start of a day:{" "}
          {entries.map((entry) => `${formatDuration(entry.contributionMs)} on ${formatDayKey(entry.dayKey)}`).join(", ")}.
        </p>
      ) : null}
      {labels.length > 0 ? (
        <ul className={styles.labels} aria-label="Dialpad labels">
          {labels.map((label) => (
            <li key={label} className="badge">{label}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function parseLabels(labels: string): string[] {
  try {
    const parsed: unknown = JSON.parse(labels);
    return Array.isArray(parsed) ? parsed.filter((label): label is string => typeof label === "string") : [];
  } catch {
    return [];
  }
}
