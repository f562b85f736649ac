import os from "node:os";
import { performance } from "node:perf_hooks";
import { computeContributions, getCoveredLength, type IdentifiedInterval } from "@/lib/scoring/intervals";

// `npm run bench:intervals`: unions and credits 1,000,000 intervals (the scale test in
// lib/scoring/intervals.test.ts checks only the result) and prints the time next to a plain sort of
// the same data in the same run: compare the ratio, which a busy machine moves far less than the times.
// Not part of `npm test`.

const count = Number(process.env.BENCH_INTERVALS ?? 1_000_000);
const runs = 5;
const minute = 60_000;

function generateIntervals(): IdentifiedInterval[] {
  const intervals: IdentifiedInterval[] = [];
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  for (let i = 0; i < count; i++) {
    const start = Math.floor(random() * 365 * 86_400_000);
    intervals.push({ id: String(i), start, end: start + Math.floor(random() * 30 * minute) });
  }
  return intervals;
}

function medianMs(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

function main(): void {
  const intervals = generateIntervals();
  const line = (label: string, value: string) => console.log(`  ${label.padEnd(58)} ${value}`);
  console.log(`bench:intervals: ${count.toLocaleString("en-US")} intervals over a year, up to 30 minutes each (median of ${runs})`);
  console.log(`  (${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)} at start)`);

  let totalMs = 0;
  const contributionsMs = medianMs(() => {
    totalMs = computeContributions(intervals).totalMs;
  });
  const sortMs = medianMs(() => {
    [...intervals].sort((a, b) => a.start - b.start);
  });
  if (totalMs !== getCoveredLength(intervals)) throw new Error("computeContributions and getCoveredLength disagree");

  line("computeContributions (union + each interval's share)", `${contributionsMs.toFixed(0)} ms`);
  line("sort a copy of the same intervals (Array.prototype.sort)", `${sortMs.toFixed(0)} ms`);
  line("computeContributions ÷ sort", `${(contributionsMs / sortMs).toFixed(1)}×`);
}

main();
