import { formatDayKey, formatDuration, formatLocalTimeWithSeconds, getDayKeyForInstant } from "@/lib/dates";
import type { CallDetail as CallDetailData } from "@/lib/services/views/get-call-detail";
import { describeCall } from "./call-format";
import { CallFacts } from "./call-facts";
import { CallLegs } from "./call-legs";
import { CallOutcome } from "./call-outcome";
import styles from "./calls.module.css";

type CallDetailProps = { detail: CallDetailData; titleId: string; headingLevel: "h1" | "h2" };

/** Everything Dialpad told us about one leg, in the employee's time zone, and how it was scored. */
export function CallDetail({ detail, titleId, headingLevel: Heading }: CallDetailProps) {
  const { call, timeZone, dayStartHour } = detail;
  const time = (ms: number | null) => (ms === null ? "—" : formatLocalTimeWithSeconds(ms, timeZone));
  const startDay = getDayKeyForInstant(call.startedAt, timeZone, dayStartHour);
  return (
    <article className={styles.detail}>
      <header>
        <Heading id={titleId} className={styles.title}>
          {describeCall(call)}
        </Heading>
        <p className="muted">
          {detail.employee.name} · {formatDayKey(startDay)} · times in {timeZone}
        </p>
      </header>
      <CallOutcome detail={detail} />
      <section aria-labelledby={`${titleId}-times`}>
        <h3 id={`${titleId}-times`}>Times</h3>
        <dl className={styles.grid}>
          <div><dt>Started</dt><dd>{time(call.startedAt)}</dd></div>
          <div><dt>Rang</dt><dd>{time(call.rangAt)}</dd></div>
          <div><dt>Connected</dt><dd>{call.connectedAt === null ? "Never connected" : time(call.connectedAt)}</dd></div>
          <div><dt>Ended</dt><dd>{call.endedAt === null ? "In progress" : time(call.endedAt)}</dd></div>
          <div><dt>Dialpad duration</dt><dd>{call.durationMs === null ? "—" : formatDuration(call.durationMs)}</dd></div>
        </dl>
      </section>
      <CallFacts call={call} titleId={titleId} />
      <CallLegs legs={detail.legs} timeZone={timeZone} titleId={titleId} />
      {detail.raw !== null ? (
        <details className={styles.raw}>
          <summary>Raw Dialpad record (admins only)</summary>
          <pre tabIndex={0} aria-label="Raw Dialpad record">{detail.raw}</pre>
        </details>
      ) : null}
    </article>
  );
}
