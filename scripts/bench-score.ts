import os from "node:os";
import { performance } from "node:perf_hooks";
import { deleteOrganizationScores } from "@/db/queries/scores";
import { drainScoreQueue } from "@/lib/services/scores/drain-score-queue";
import { recomputeOrganizationScores } from "@/lib/services/scores/queue-recompute";
import { openBenchDatabases } from "./bench-sync/databases";
import { countRows, dropScoreQueueTriggers, insertLegs, seedOrganization, type Leg } from "./bench-score/engine";

// `npm run bench:score`: writes 1,000,000 call legs for several hundred mapped employees straight
// into a temporary database the fastest plain way the engine has (scripts/bench-score/engine.ts),
// recomputes every daily score, and prints the times next to the engine's raw limits measured in the
// same run: the bare insert without the score triggers, and merely sorting those intervals. The engine
// is DATABASE_URL's: unset or a file path → SQLite files in a temporary folder; postgres://… →
// throwaway databases on that server. Not part of `npm test`.

const legCount = Number(process.env.BENCH_LEGS ?? 1_000_000);
const employeeCount = Number(process.env.BENCH_EMPLOYEES ?? 400);
const dayCount = 90;
const firstDay = Date.parse("2026-01-05T00:00:00Z");
const roles = ["Sales", "Support", "Success", null, "Team lead"];
const zones = ["Europe/London", "Asia/Kolkata", null, null, null, null, null, null, null, null];

let seed = 20260105;
const random = () => ((seed = (seed * 48271) % 2147483647) - 1) / 2147483646;
const pick = (n: number) => Math.floor(random() * n);

function generateLegs(): Leg[] {
  const legs: Leg[] = [];
  for (let i = 0; legs.length < legCount; i++) {
    const user = `u${i % employeeCount}`;
    const start = firstDay + pick(dayCount) * 86_400_000 + (12 + pick(11)) * 3_600_000 + pick(3_600) * 1000;
    const talk = (20 + pick(1_200)) * 1000;
    const id = String(1_000_000 + legs.length);
    const r = random();
    if (r < 0.62) legs.push([id, user, null, "outbound", "hangup", start, start + 2000, start + 8000, start + 8000 + talk, 0]);
    else if (r < 0.75) legs.push([id, user, null, "inbound", "hangup", start, start + 1000, start + 6000, start + 6000 + talk, 0]);
    else if (r < 0.83) legs.push([id, user, null, "outbound", "hangup", start, start + 2000, null, start + 30_000, 0]);
    else if (r < 0.88) legs.push([id, user, null, "inbound", "missed", start, start + 1000, null, start + 25_000, 0]);
    else if (r < 0.92) legs.push([id, user, null, "outbound", "voicemail", start, start + 2000, null, start + 40_000, 0]);
    else if (r < 0.95) legs.push([id, user, null, "inbound", "voicemail_uploaded", start, start + 1000, start + 20_000, start + 50_000, 1]);
    else {
      // A three-way call: the user's second record of the same call overlaps the first.
      legs.push([id, user, null, "outbound", "hangup", start, start + 2000, start + 8000, start + 8000 + talk, 0]);
      const added = start + 8000 + Math.floor(talk / 2);
      legs.push([String(1_000_000 + legs.length), user, id, "outbound", "hangup", added, added + 1000, added + 5000, added + talk, 0]);
    }
  }
  return legs.slice(0, legCount);
}

async function time<T>(run: () => T | Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, (performance.now() - start) / 1000];
}

const seconds = (s: number) => `${s.toFixed(2)} s`;

async function main(): Promise<void> {
  const legs = generateLegs();
  const databases = openBenchDatabases(process.env.DATABASE_URL);
  try {
    await run(legs, databases);
  } finally {
    await databases.dispose();
  }
}

async function run(legs: Leg[], databases: ReturnType<typeof openBenchDatabases>): Promise<void> {
  const line = (label: string, value: string) => console.log(`  ${label.padEnd(62)} ${value}`);
  const employees = { count: employeeCount, zones, roles };
  console.log(`bench:score: ${legs.length.toLocaleString("en-US")} call legs, ${employeeCount} mapped employees, ${roles.length} roles, 3 time zones, ${dayCount} days`);
  console.log(`  engine: ${databases.engine} (${databases.where})`);
  console.log(`  (${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)} at start)`);

  const plain = (await databases.create("plain")).db;
  await dropScoreQueueTriggers(plain);
  const plainOrganizationId = await seedOrganization(plain, employees);
  const [, plainInsert] = await time(() => insertLegs(plain, plainOrganizationId, legs));

  const { db } = await databases.create("score");
  const organizationId = await seedOrganization(db, employees);
  const [, insertSeconds] = await time(() => insertLegs(db, organizationId, legs));
  line("insert legs, bare, no triggers (the raw limit)", seconds(plainInsert));
  line("insert legs, with the triggers that queue score work", `${seconds(insertSeconds)} (+${Math.round((insertSeconds / plainInsert - 1) * 100)}%)`);

  const [, drainSeconds] = await time(() => drainScoreQueue(db, organizationId));
  line("drain the queue those inserts left (a backfill's first scores)", seconds(drainSeconds));
  const rows = { days: await countRows(db, "daily_scores"), entries: await countRows(db, "call_day_entries") };

  await deleteOrganizationScores(db, organizationId);
  const [, fullSeconds] = await time(() => recomputeOrganizationScores(db, organizationId));
  line("recompute all daily scores from scratch (facts + scores)", seconds(fullSeconds));
  line(`  rows written: daily_scores, call_day_entries`, `${rows.days.toLocaleString("en-US")}, ${rows.entries.toLocaleString("en-US")}`);
  const [, sameSeconds] = await time(() => recomputeOrganizationScores(db, organizationId));
  line("recompute all again with nothing changed (hash check, no writes)", seconds(sameSeconds));

  const singleCallMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const at = firstDay + (40 + i * 7) * 86_400_000 + 15 * 3_600_000;
    await insertLegs(db, organizationId, [[String(9_000_000 + i), `u${7 + i * 13}`, null, "outbound", "hangup", at, at + 1000, at + 5000, at + 600_000, 0]]);
    singleCallMs.push((await time(() => drainScoreQueue(db, organizationId)))[1] * 1000);
  }
  const medianMs = singleCallMs.sort((a, b) => a - b)[2]!;
  line("one new call: its days and its role's next 28 days (median of 5)", `${medianMs.toFixed(1)} ms`);

  const intervals = legs.map((leg) => ({ start: leg[7] ?? leg[5], end: leg[8] }));
  const [, sortSeconds] = await time(() => intervals.sort((a, b) => a.start - b.start || a.end - b.end));
  line(`sort the same ${legs.length.toLocaleString("en-US")} intervals (Array.prototype.sort)`, seconds(sortSeconds));
  line("full recompute ÷ sort", `${(fullSeconds / sortSeconds).toFixed(1)}×`);
  line("insert with triggers ÷ bare insert", `${(insertSeconds / plainInsert).toFixed(2)}×`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
