"use client";

import { ScoreChip, ScoreDelta } from "./score-chip";
import type { TeamRowItem } from "./team-row-items";
import styles from "./team.module.css";

/** Under 640 px the team day is a list of cards (name, score, talk time, chevron), each opening the person's day. */
export function TeamCards({ items, dayKey }: { items: TeamRowItem[]; dayKey: string }) {
  if (items.length === 0) return <p className={`muted ${styles.narrow}`}>Nobody matches.</p>;
  return (
    <ul className={styles.cards} aria-label="Team day">
      {items.map((row) => (
        <li key={row.id}>
          <a href={`/employees/${row.id}?date=${dayKey}`} className={styles.card}>
            <span className={styles.cardName}>
              {row.name}
              {row.title ? <span className="muted"> · {row.title}</span> : null}
            </span>
            <span className={styles.cardFacts}>
              <ScoreChip row={row} />
              <ScoreDelta delta={row.delta} />
              <span>
                <span className="visually-hidden">Counted talk </span>
                {row.talk}
              </span>
            </span>
            <span className={styles.chevron} aria-hidden="true">›</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
