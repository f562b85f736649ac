import Link from "next/link";
import { formatDayKey } from "@/lib/dates";
import styles from "./trend-chart.module.css";

export type TrendPoint = { dayKey: string; score: number | null };

// The SVG draws only bars and grid lines and stretches to its box; every label is HTML, so text keeps
// its size (0.75rem) on a phone instead of shrinking with the drawing.
const WIDTH = 600;
const HEIGHT = 100;
const GRID = [100, 50, 0] as const;

const shortDay = (dayKey: string) => formatDayKey(dayKey).split(" ").slice(1, 3).join(" ");

export function describeTrend(points: readonly TrendPoint[]): string {
  const scored = points.filter((p): p is TrendPoint & { score: number } => p.score !== null);
  const last = points.at(-1);
  const head = `Scores for the ${points.length} days to ${last ? formatDayKey(last.dayKey) : "today"}`;
  if (scored.length === 0) return `${head}: no scored days.`;
  const average = Math.round(scored.reduce((sum, p) => sum + p.score, 0) / scored.length);
  const high = scored.reduce((a, b) => (b.score > a.score ? b : a));
  const low = scored.reduce((a, b) => (b.score < a.score ? b : a));
  return `${head}: ${scored.length} scored days, average ${average}, highest ${high.score} on ${formatDayKey(high.dayKey)}, lowest ${low.score} on ${formatDayKey(low.dayKey)}.`;
}

/** 30 daily scores as bars (inline SVG); the same numbers are available as a table with day links. */
export function TrendChart({ points, dayHref }: { points: TrendPoint[]; dayHref: (dayKey: string) => string }) {
  const step = WIDTH / Math.max(1, points.length);
  const last = points.length - 1;
  // A label every 7 days counted back from the last, so the last one never collides with its neighbour.
  const labelled = points.flatMap((point, i) => ((last - i) % 7 === 0 ? [{ point, i }] : []));
  return (
    <div className={styles.trend} data-testid="trend-chart">
      <div className={styles.trendPlot}>
        <div className={styles.trendYAxis} aria-hidden="true">
          {GRID.map((score) => (
            <span key={score} className={styles.trendLabel} style={{ top: `${100 - score}%` }}>
              {score}
            </span>
          ))}
        </div>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={describeTrend(points)}>
          {GRID.map((score) => (
            <line key={score} className={styles.trendGrid} x1={0} x2={WIDTH} y1={HEIGHT - score} y2={HEIGHT - score} vectorEffect="non-scaling-stroke" />
          ))}
          {/* A day without a score is a gap: no data is not a zero. */}
          {points.map((point, i) =>
            point.score === null ? null : (
              <rect
                key={point.dayKey}
                data-day={point.dayKey}
                className={i === last ? styles.trendBarCurrent : styles.trendBar}
                x={i * step + step * 0.15}
                y={HEIGHT - point.score}
                width={step * 0.7}
                height={Math.max(1, point.score)}
              />
            ),
          )}
        </svg>
        <div className={styles.trendXAxis} aria-hidden="true">
          {labelled.map(({ point, i }) => (
            <span
              key={point.dayKey}
              className={i === last ? `${styles.trendLabel} ${styles.trendLabelLast}` : styles.trendLabel}
              style={i === last ? undefined : { left: `${((i + 0.5) / points.length) * 100}%` }}
            >
              {shortDay(point.dayKey)}
            </span>
          ))}
        </div>
      </div>
      <details>
        <summary>Show the scores as a table</summary>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Daily scores</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Score</th>
              </tr>
            </thead>
            <tbody>
              {[...points].reverse().map((point) => (
                <tr key={point.dayKey}>
                  <td>
                    <Link href={dayHref(point.dayKey)}>{formatDayKey(point.dayKey)}</Link>
                  </td>
                  <td>{point.score ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
