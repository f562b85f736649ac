"use client";

import { useState, type KeyboardEvent, type MouseEvent } from "react";
import styles from "./team.module.css";

const WIDTH = 84;
const HEIGHT = 24;
const PAD = 3;

/** "Last 14 days: 55, 60, no score, …" for screen readers. */
export function describeSparkline(scores: readonly (number | null)[]): string {
  if (scores.every((score) => score === null)) return `No scores in the last ${scores.length} days`;
  return `Last ${scores.length} days: ${scores.map((score) => (score === null ? "no score" : String(score))).join(", ")}`;
}

type SparklineProps = {
  scores: (number | null)[];
  /** Each score's day ("Tue 10 Mar 2026"); one array shared by every row of a page. */
  dayLabels: string[];
};

/**
 * Scores (0–100, null = no score) as a small line with gaps where there is no score. Hovering or
 * focusing it (Tab, then ← →) shows one day's value; the accessible name lists every day.
 */
export function Sparkline({ scores, dayLabels }: SparklineProps) {
  const [active, setActive] = useState<number | null>(null);
  const days = scores.map((score, i) => ({ label: dayLabels[i] ?? "", score }));
  const step = days.length > 1 ? (WIDTH - PAD * 2) / (days.length - 1) : 0;
  const x = (i: number) => PAD + i * step;
  const y = (score: number) => HEIGHT - PAD - ((HEIGHT - PAD * 2) * score) / 100;
  const segments: { i: number; score: number }[][] = [[]];
  days.forEach((day, i) => {
    if (day.score === null) segments.push([]);
    else segments[segments.length - 1]!.push({ i, score: day.score });
  });
  const last = days.length - 1;
  const shown = active === null ? null : days[active];
  const onMouseMove = (event: MouseEvent<HTMLSpanElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const ratio = (event.clientX - box.left) / Math.max(1, box.width);
    setActive(Math.min(last, Math.max(0, Math.round((ratio * WIDTH - PAD) / Math.max(step, 1)))));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLSpanElement>) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    event.preventDefault();
    setActive((current) => Math.min(last, Math.max(0, (current ?? last) + (event.key === "ArrowLeft" ? -1 : 1))));
  };
  return (
    <span
      className={styles.sparkline}
      role="img"
      aria-label={describeSparkline(scores)}
      tabIndex={0}
      onMouseMove={onMouseMove}
      onMouseLeave={() => setActive(null)}
      onFocus={() => setActive(last)}
      onBlur={() => setActive(null)}
      onKeyDown={onKeyDown}
    >
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
        <line x1={PAD} x2={WIDTH - PAD} y1={HEIGHT - PAD} y2={HEIGHT - PAD} className={styles.sparklineBase} />
        {segments.map((segment) =>
          segment.length === 1 ? (
            <circle key={segment[0]!.i} cx={x(segment[0]!.i)} cy={y(segment[0]!.score)} r={1.5} />
          ) : segment.length > 1 ? (
            <polyline
              key={segment[0]!.i}
              points={segment.map((p) => `${x(p.i).toFixed(1)},${y(p.score).toFixed(1)}`).join(" ")}
            />
          ) : null,
        )}
        {active !== null ? <line x1={x(active)} x2={x(active)} y1={0} y2={HEIGHT} stroke="var(--ink-muted)" strokeDasharray="2 2" /> : null}
        {days[last]?.score != null ? <circle cx={x(last)} cy={y(days[last].score)} r={2.5} className={styles.sparklineLast} /> : null}
      </svg>
      {shown ? (
        <span className={styles.sparklineTip} aria-hidden="true">
          {shown.label}: {shown.score ?? "no score"}
        </span>
      ) : null}
    </span>
  );
}
