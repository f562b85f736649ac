import type { TeamDayRow } from "@/lib/services/views/get-team-day";
import { getScoreBand } from "./score-bands";
import styles from "./team.module.css";

const noScoreLabels: Record<string, string> = {
  non_work_day: "Not a work day",
  no_weights: "No weighted signals",
  no_baseline: "No baseline",
};

function describeMissingScore(row: Pick<TeamDayRow, "isMapped" | "isPending" | "isFuture" | "noScoreReason">): string {
  if (!row.isMapped) return "Not mapped";
  if (row.isPending) return "Updating";
  if (row.isFuture) return "Not started";
  return (row.noScoreReason && noScoreLabels[row.noScoreReason]) || "—";
}

/** The score with its band in words ("82 Strong"), coloured by band; or why there is none. */
export function ScoreChip({ row }: { row: Pick<TeamDayRow, "score" | "isMapped" | "isPending" | "isFuture" | "noScoreReason"> }) {
  if (row.score === null) return <span className={`muted ${styles.nowrap}`}>{describeMissingScore(row)}</span>;
  const band = getScoreBand(row.score);
  return (
    <span className={`${styles.chip} ${styles[`chip_${band.id}`]}`} data-band={band.id}>
      <strong>{row.score}</strong>{` ${band.label}`}
    </span>
  );
}

/** "▲ 12 vs 7-day avg": the day against the person's own last 7 days, the arrow repeated in words for screen readers. */
export function ScoreDelta({ delta }: { delta: number | null }) {
  if (delta === null) return <span className="muted">—</span>;
  const arrow = delta > 0 ? "▲" : delta < 0 ? "▼" : "±";
  const words = delta > 0 ? "up" : delta < 0 ? "down" : "level";
  return (
    <span className={`${styles.nowrap} ${delta > 0 ? styles.up : delta < 0 ? styles.down : ""}`}>
      <span role="img" aria-label={words}>
        {arrow}
      </span>
      {` ${Math.abs(delta)} vs 7-day avg`}
    </span>
  );
}
