import { formatDayKey, formatDuration, getDayKeyForInstant } from "@/lib/dates";
import type { CallDetail as CallDetailData } from "@/lib/services/views/get-call-detail";
import { describeCall, formatZonedTime } from "./call-format";
import { CallFacts } from "./call-facts";
import { CallLegs } from "./call-legs";
import { ListenInDialpad } from "@/components/privacy/listen-in-dialpad";
import { CallOutcome } from "./call-outcome";
import styles from "./calls.module.css";

type CallDetailProps = { detail: CallDetailData; titleId: string; headingLevel: "h1" | "h2" };

/** Everything Dialpad told us about one leg, in the employee's time zone, and how it was scored. */
export function CallDetail({ detail, titleId, headingLevel: Heading }: CallDetailProps) {
  const { call, timeZone, dayStartHour } = detail;
  // Sections sit one level below the title: h1 → h2 on the page, h2 → h3 in the modal.
  const Section = Heading === "h1" ? "h2" : "h3";
  const time = (ms: number | null) => (ms === null ? "—" : formatZonedTime(ms, timeZone));
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
      <ListenInDialpad url={detail.recordingUrl} />
      <section aria-labelledby={`${titleId}-times`}>
        <Section id={`${titleId}-times`}>Times</Section>
        <dl className={styles.grid}>
          <div><dt>Started</dt><dd>{time(call.startedAt)}</dd></div>
          <div><dt>Rang</dt><dd>{time(call.rangAt)}</dd></div>
          <div><dt>Connected</dt><dd>{call.connectedAt === null ? "Never connected" : time(call.connectedAt)}</dd></div>
          <div><dt>Ended</dt><dd>{call.endedAt === null ? "In progress" : time(call.endedAt)}</dd></div>
          <div><dt>Dialpad duration</dt><dd>{call.durationMs === null ? "—" : formatDuration(call.durationMs)}</dd></div>
        </dl>
      </section>
      <CallFacts call={call} titleId={titleId} headingLevel={Section} />
      <CallLegs legs={detail.legs} timeZone={timeZone} titleId={titleId} headingLevel={Section} />
      {detail.raw !== null ? (
        <details className={styles.raw}>
          <summary>Raw Dialpad record (admins only)</summary>
          <pre tabIndex={0} aria-label="Raw Dialpad record">{detail.raw}</pre>
        </details>
      ) : null}
    </article>
  );
}
