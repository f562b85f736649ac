import styles from "@/components/day/day.module.css";
import { formatDuration } from "@/lib/dates";
import type { TeamAverage } from "@/lib/services/views/get-team-day";

/** The team average for the day: the score over people who have one, the rest over mapped people. */
export function TeamSummary({ average, peopleCount }: { average: TeamAverage; peopleCount: number }) {
  return (
    <dl className={styles.summary} aria-label="Team average" data-testid="team-average">
      <div className={styles.figure}>
        <dt>Average score</dt>
        <dd className={styles.scoreValue}>
          <span data-testid="team-average-score">{average.score ?? "—"}</span>
          <small>
            {average.scoredCount} of {peopleCount} {peopleCount === 1 ? "person" : "people"} scored
          </small>
        </dd>
      </div>
      <div className={styles.figure}>
        <dt>Average counted talk</dt>
        <dd>{formatDuration(average.talkMs)}</dd>
      </div>
      <div className={styles.figure}>
        <dt>Average connected calls</dt>
        <dd>{average.connectedCalls}</dd>
      </div>
      <div className={styles.figure}>
        <dt>Average voicemails</dt>
        <dd>
          {average.voicemails}
          <small>over {average.mappedCount} mapped {average.mappedCount === 1 ? "person" : "people"}</small>
        </dd>
      </div>
    </dl>
  );
}
