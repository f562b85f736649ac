// bench:score's report: the figures of each engine's run, printed side by side with their ratios.

export interface ScoreFigures {
  engine: "sqlite" | "postgres";
  bareInsertSeconds: number;
  insertSeconds: number;
  /** Null when --skip-drain left it out. */
  drainSeconds: number | null;
  fullSeconds: number;
  sameSeconds: number;
  singleCallMs: number;
  /** Statements the drain of one new call sent (round trips on PostgreSQL), median of 9. */
  singleCallStatements: number;
  /** This process's CPU time (user + system) during that drain, median of 9. */
  singleCallCpuMs: number;
  sortSeconds: number;
  dailyScores: number;
  callDayEntries: number;
}

const seconds = (s: number) => `${s.toFixed(s < 10 ? 3 : 2)} s`;

const rows: [string, (f: ScoreFigures) => string][] = [
  ["insert legs, bare, no triggers (the raw limit)", (f) => seconds(f.bareInsertSeconds)],
  ["insert legs, with the triggers that queue score work", (f) => `${seconds(f.insertSeconds)} (${(f.insertSeconds / f.bareInsertSeconds).toFixed(2)}×)`],
  ["drain the queue those inserts left (a backfill's first scores)", (f) => (f.drainSeconds === null ? "skipped" : seconds(f.drainSeconds))],
  ["full recompute from scratch (facts + scores)", (f) => seconds(f.fullSeconds)],
  ["  rows written: daily_scores / call_day_entries", (f) => `${f.dailyScores.toLocaleString("en-US")} / ${f.callDayEntries.toLocaleString("en-US")}`],
  ["full recompute again, nothing changed (hash check, no writes)", (f) => seconds(f.sameSeconds)],
  ["sort the same intervals (Array.prototype.sort), same run", (f) => seconds(f.sortSeconds)],
  ["full recompute ÷ sort (goal ≤ 3×)", (f) => `${(f.fullSeconds / f.sortSeconds).toFixed(1)}×`],
  ["one new call: its days + its role's next 28 days (median of 9; goal ≤ 20 ms)", (f) => `${f.singleCallMs.toFixed(1)} ms`],
  ["  statements per new call (round trips on PostgreSQL), median", (f) => String(f.singleCallStatements)],
  ["  this process's CPU time per new call, median", (f) => `${f.singleCallCpuMs.toFixed(1)} ms`],
];

export function printFigures(all: readonly ScoreFigures[]): void {
  const width = 78;
  console.log(`\n  ${"".padEnd(width)} ${all.map((f) => f.engine.padStart(18)).join(" ")}`);
  for (const [label, format] of rows) console.log(`  ${label.padEnd(width)} ${all.map((f) => format(f).padStart(18)).join(" ")}`);
}
