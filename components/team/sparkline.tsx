const WIDTH = 84;
const HEIGHT = 24;
const PAD = 2;

/** Scores (0–100, null = no score) as a small line; gaps where there is no score. */
export function Sparkline({ scores, label }: { scores: (number | null)[]; label: string }) {
  const step = scores.length > 1 ? (WIDTH - PAD * 2) / (scores.length - 1) : 0;
  const point = (score: number, i: number) =>
    `${(PAD + i * step).toFixed(1)},${(HEIGHT - PAD - ((HEIGHT - PAD * 2) * score) / 100).toFixed(1)}`;
  const segments: string[][] = [];
  let current: string[] = [];
  scores.forEach((score, i) => {
    if (score === null) {
      if (current.length) segments.push(current);
      current = [];
    } else current.push(point(score, i));
  });
  if (current.length) segments.push(current);
  const lastIndex = scores.length - 1;
  const last = scores[lastIndex];
  return (
    <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      <line x1={PAD} x2={WIDTH - PAD} y1={HEIGHT - PAD} y2={HEIGHT - PAD} stroke="var(--line)" />
      {segments.map((segment) =>
        segment.length === 1 ? (
          <circle key={segment[0]} cx={segment[0]!.split(",")[0]} cy={segment[0]!.split(",")[1]} r={1.5} fill="var(--accent)" />
        ) : (
          <polyline key={segment[0]} points={segment.join(" ")} fill="none" stroke="var(--accent)" strokeWidth={1.5} />
        ),
      )}
      {last !== null && last !== undefined ? (
        <circle cx={point(last, lastIndex).split(",")[0]} cy={point(last, lastIndex).split(",")[1]} r={2.5} fill="#1e3585" />
      ) : null}
    </svg>
  );
}

/** "Last 14 days: 55, 60, no score, …" for screen readers. */
export function describeSparkline(scores: (number | null)[]): string {
  if (scores.every((score) => score === null)) return `No scores in the last ${scores.length} days`;
  return `Last ${scores.length} days: ${scores.map((score) => (score === null ? "no score" : String(score))).join(", ")}`;
}
