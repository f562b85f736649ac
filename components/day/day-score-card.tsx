import type { ReactNode } from "react";
import { formatDuration } from "@/lib/dates";
import type { DayScore } from "@/lib/services/scores/day-score";
import styles from "./day.module.css";

const noScoreText: Record<string, string> = {
  non_work_day: "No score: not a work day, and no phone activity.",
  no_weights: "No score: every signal has weight 0 for this role.",
  no_baseline: "No score: there is no baseline or target to compare with.",
};

function describeNoScore(day: DayScore, isMapped: boolean, isUnsynced: boolean): string {
  if (day.isFuture) return "This day has not happened yet.";
  if (!isMapped && !day.isStored) return "Not linked to a Dialpad user.";
  if (isUnsynced) return "No data: Daymark has not synced this day from Dialpad.";
  if (day.isPending) return "The score is being recalculated; refresh in a moment.";
  return (day.noScoreReason && noScoreText[day.noScoreReason]) || "No score for this day.";
}

/** The day's score and the facts behind it; `explanation` is the "How is this calculated?" panel. */
type DayScoreCardProps = {
  day: DayScore;
  isMapped: boolean;
  /** No sync has read the day: every figure is "—", not 0. */
  isUnsynced: boolean;
  /** "in progress · synced up to 12:32 EST" while the day is today. */
  progress: string | null;
  explanation: ReactNode;
};

export function DayScoreCard({ day, isMapped, isUnsynced, progress, explanation }: DayScoreCardProps) {
  // Without a Dialpad user there is no phone data: no score rather than a score of 0.
  const score = (!isMapped && !day.isStored) || isUnsynced ? null : day.score;
  const figure = (value: ReactNode) => (isUnsynced ? "—" : value);
  return (
    <>
      <dl className={styles.summary}>
        <div className={styles.figure}>
          <dt>Score</dt>
          <dd className={styles.scoreValue} data-testid="day-score">
            {score ?? "—"}
            {score === null ? <small>{describeNoScore(day, isMapped, isUnsynced)}</small> : <small>of 100</small>}
            {progress ? <small data-testid="day-progress">{progress}</small> : null}
          </dd>
        </div>
        <div className={styles.figure}>
          <dt>Counted talk time</dt>
          <dd data-testid="day-talk">{figure(formatDuration(day.talkMs))}</dd>
        </div>
        <div className={styles.figure}>
          <dt>Connected calls</dt>
          <dd>{figure(day.connectedCalls)}</dd>
        </div>
        <div className={styles.figure}>
          <dt>Voicemails</dt>
          <dd>{figure(<>{day.voicemailsLeft} <small>left, {day.voicemailsReceived} received</small></>)}</dd>
        </div>
        <div className={styles.figure}>
          <dt>Missed / not answered</dt>
          <dd>{figure(<>{day.missedCalls} <small>missed, {day.notAnsweredCalls} not answered</small></>)}</dd>
        </div>
      </dl>
      {explanation}
    </>
  );
}
