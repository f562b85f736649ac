import { callKindLabels, classifyCallLeg, type CallKind } from "@/lib/calls/rules";
import { formatDayKey, formatDuration } from "@/lib/dates";
import type { CallDetail } from "@/lib/services/views/get-call-detail";
import { getRingMs, getTalkMs } from "./call-format";
import styles from "./calls.module.css";

/** Why the leg counted or was flagged, and the durations that went into the day's talk time. */
export function CallOutcome({ detail }: { detail: CallDetail }) {
  const { call, entries } = detail;
  const labels = parseLabels(call.labels);
  // Not yet scored (just synced): the same rules the scorer applies, so the reason is still right.
  const fallback = entries.length === 0 ? classifyCallLeg({ ...call, labels }) : null;
  const kind = (entries[0]?.kind ?? fallback!.kind) as CallKind;
  const isFlagged = entries.some((entry) => entry.isFlagged) || (fallback?.isFlagged ?? false);
  const countedMs = entries.reduce((sum, entry) => sum + entry.countedMs, 0);
  const contributionMs = entries.reduce((sum, entry) => sum + entry.contributionMs, 0);
  const ringMs = getRingMs(call);
  return (
    <section className={styles.outcome} aria-label="How this call was scored" data-testid="call-outcome">
      <p>
        <span className={isFlagged ? `badge ${styles.flagged}` : "badge badge--active"}>
          {isFlagged ? "Flagged" : callKindLabels[kind] ?? kind}
        </span>{" "}
        {entries[0]?.reason ?? fallback!.reason}
        {fallback ? <span className="muted"> Not scored yet; the day&apos;s score updates shortly.</span> : null}
      </p>
      <dl className={styles.grid}>
        <div><dt>Ring time</dt><dd>{ringMs === null ? "—" : formatDuration(ringMs)}</dd></div>
        <div><dt>Talk time</dt><dd>{formatDuration(getTalkMs(call))}</dd></div>
        <div><dt>Counted</dt><dd data-testid="call-counted">{formatDuration(countedMs)}</dd></div>
        <div>
          <dt>Added to the day</dt>
          <dd>
            {formatDuration(contributionMs)}
            {contributionMs < countedMs ? <small className="muted"> (the rest overlapped another call)</small> : null}
          </dd>
        </div>
      </dl>
      {entries.length > 1 ? (
        <p className="muted">
          Crosses the start of a day:{" "}
          {entries.map((entry) => `${formatDuration(entry.countedMs)} on ${formatDayKey(entry.dayKey)}`).join(", ")}.
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
