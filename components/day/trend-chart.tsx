import Link from "next/link";
import { formatDayKey } from "@/lib/dates";
import styles from "./day.module.css";

export type TrendPoint = { dayKey: string; score: number | null };

const WIDTH = 620;
const TOP = 10;
const BOTTOM = 140;
const LEFT = 30;
const RIGHT = 610;

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
  const step = (RIGHT - LEFT) / Math.max(1, points.length);
  const y = (score: number) => BOTTOM - ((BOTTOM - TOP) * score) / 100;
  return (
    <div className={styles.trend}>
      <svg viewBox={`0 0 ${WIDTH} 165`} role="img" aria-label={describeTrend(points)}>
        {[0, 50, 100].map((score) => (
          <g key={score}>
            <line className={styles.trendGrid} x1={LEFT} x2={RIGHT} y1={y(score)} y2={y(score)} />
            <text className={styles.trendLabel} x={LEFT - 6} y={y(score) + 4} textAnchor="end">
              {score}
            </text>
          </g>
        ))}
        {points.map((point, i) => {
          const x = LEFT + i * step + step * 0.15;
          const isLast = i === points.length - 1;
          return (
            <g key={point.dayKey}>
              {/* A day without a score is a gap: no data is not a zero. */}
              {point.score === null ? null : (
                <rect
                  data-day={point.dayKey}
                  className={isLast ? styles.trendBarCurrent : styles.trendBar}
                  x={x}
                  y={y(point.score)}
                  width={step * 0.7}
                  height={Math.max(1, BOTTOM - y(point.score))}
                  rx={2}
                />
              )}
              {i % 7 === 2 || isLast ? (
                <text className={styles.trendLabel} x={x + step * 0.35} y={158} textAnchor="middle">
                  {shortDay(point.dayKey)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
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
