import { formatDuration } from "@/lib/dates";
import type { TeamDayRow } from "@/lib/services/views/get-team-day";
import { ScoreChip, ScoreDelta } from "./score-chip";
import styles from "./team.module.css";

/** Under 640 px the team day is a list of cards (name, score, talk time, chevron), each opening the person's day. */
export function TeamCards({ rows, dayKey }: { rows: TeamDayRow[]; dayKey: string }) {
  if (rows.length === 0) return <p className={`muted ${styles.narrow}`}>Nobody matches.</p>;
  return (
    <ul className={styles.cards} aria-label="Team day">
      {rows.map((row) => (
        <li key={row.employeeId}>
          <a href={`/employees/${row.employeeId}?date=${dayKey}`} className={styles.card}>
            <span className={styles.cardName}>
              {row.name}
              {row.title ? <span className="muted"> · {row.title}</span> : null}
            </span>
            <span className={styles.cardFacts}>
              <ScoreChip row={row} />
              <ScoreDelta delta={row.delta} />
              <span>
                <span className="visually-hidden">Counted talk </span>
                {formatDuration(row.talkMs)}
              </span>
            </span>
            <span className={styles.chevron} aria-hidden="true">›</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
