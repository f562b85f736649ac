import { formatDayKey } from "@/lib/dates";
import type { SparklinePoint } from "@/lib/services/views/list-team-sparklines";
import { Sparkline } from "./sparkline";

/** "Last 14 days: 55, 60, no score, …" for screen readers. */
export function describeSparkline(scores: (number | null)[]): string {
  if (scores.every((score) => score === null)) return `No scores in the last ${scores.length} days`;
  return `Last ${scores.length} days: ${scores.map((score) => (score === null ? "no score" : String(score))).join(", ")}`;
}

/** The sparkline with each day labelled on the server ("Tue 10 Mar 2026"). */
export function TeamSparklineCell({ points }: { points: SparklinePoint[] }) {
  const days = points.map((point) => ({ label: formatDayKey(point.dayKey), score: point.score }));
  return <Sparkline days={days} label={describeSparkline(points.map((point) => point.score))} />;
}
