import os from "node:os";
import { performance } from "node:perf_hooks";
import { deleteOrganizationScores } from "@/db/queries/scores";
import { countStatements } from "@/db/testing/count-statements";
import { drainScoreQueue } from "@/lib/services/scores/drain-score-queue";
import { recomputeOrganizationScores } from "@/lib/services/scores/queue-recompute";
import { openBenchDatabases } from "./bench-sync/databases";
import { mixedCallLegs } from "./bench-score/call-mix";
import { clearScoreQueue, countRows, dropScoreQueueTriggers, insertLegs, seedOrganization, type Leg } from "./bench-score/engine";
import { printFigures, type ScoreFigures } from "./bench-score/figures";

// `npm run bench:score`: writes 1,000,000 call legs for several hundred mapped employees straight
// into a temporary database the fastest plain way the engine has (scripts/bench-score/engine.ts),
// recomputes every daily score, and prints the times next to the engine's raw limits measured in the
// same run: the bare insert without the score triggers, and merely sorting those intervals.
// `--engine sqlite|postgres|both` (default: DATABASE_URL's engine): SQLite files in a temporary folder;
// throwaway databases on DATABASE_URL's PostgreSQL server (else DAYMARK_BENCH_POSTGRES_URL,
// DAYMARK_TEST_POSTGRES_URL, or postgres://postgres@127.0.0.1:5432/postgres). The same legs on each
// engine; the figures are printed side by side at the end. Not part of `npm test`.

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
    // A three-way call's second leg is the same user's second record of the call.
    legs.push(...mixedCallLegs(r, id, user, start, talk, () => ({ id: String(1_000_000 + legs.length + 1), user, direction: "outbound" })));
  }
  return legs.slice(0, legCount);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function time<T>(run: () => T | Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, (performance.now() - start) / 1000];
}

const postgresUrl = () => {
  const url = process.env.DATABASE_URL;
  if (url?.startsWith("postgres")) return url;
  return process.env.DAYMARK_BENCH_POSTGRES_URL ?? process.env.DAYMARK_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
};

function parseEngines(): ("sqlite" | "postgres")[] {
  const index = process.argv.indexOf("--engine");
  const value = index >= 0 ? process.argv[index + 1] : process.env.DATABASE_URL?.startsWith("postgres") ? "postgres" : "sqlite";
  if (value === "both") return ["sqlite", "postgres"];
  if (value === "sqlite" || value === "postgres") return [value];
  throw new Error(`--engine takes sqlite, postgres or both (got ${value ?? "nothing"})`);
}

async function main(): Promise<void> {
  const engines = parseEngines();
  const legs = generateLegs();
  console.log(`bench:score: ${legs.length.toLocaleString("en-US")} call legs, ${employeeCount} mapped employees, ${roles.length} roles, 3 time zones, ${dayCount} days`);
  console.log(`  (${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)} at start)`);
  const figures: ScoreFigures[] = [];
  for (const engine of engines) {
    const databases = openBenchDatabases(engine === "postgres" ? postgresUrl() : undefined);
    try {
      figures.push(await run(legs, databases));
    } finally {
      await databases.dispose();
    }
  }
  console.log(`  (load average ${os.loadavg()[0]!.toFixed(1)} at the end)`);
  printFigures(figures);
}

async function run(legs: Leg[], databases: ReturnType<typeof openBenchDatabases>): Promise<ScoreFigures> {
  const step = (label: string, value: string) => console.log(`  ${databases.engine}: ${label.padEnd(58)} ${value}`);
  const employees = { count: employeeCount, zones, roles };
  console.log(`  engine: ${databases.engine} (${databases.where})`);

  const plain = (await databases.create("plain")).db;
  await dropScoreQueueTriggers(plain);
  const plainOrganizationId = await seedOrganization(plain, employees);
  const [, bareInsertSeconds] = await time(() => insertLegs(plain, plainOrganizationId, legs));
  step("bare insert", `${bareInsertSeconds.toFixed(2)} s`);

  const { db } = await databases.create("score");
  const organizationId = await seedOrganization(db, employees);
  const [, insertSeconds] = await time(() => insertLegs(db, organizationId, legs));
  step("insert with triggers", `${insertSeconds.toFixed(2)} s`);
  // --skip-drain: the backfill's drain is the slowest step and no goal; its queue rows are dropped instead.
  const isDrainSkipped = process.argv.includes("--skip-drain");
  const [, drainSeconds] = await time(() => (isDrainSkipped ? clearScoreQueue(db) : drainScoreQueue(db, organizationId)));
  step("drain after the inserts", isDrainSkipped ? "skipped" : `${drainSeconds.toFixed(2)} s`);

  await deleteOrganizationScores(db, organizationId);
  const [, fullSeconds] = await time(() => recomputeOrganizationScores(db, organizationId));
  step("full recompute", `${fullSeconds.toFixed(2)} s`);
  const written = { dailyScores: await countRows(db, "daily_scores"), callDayEntries: await countRows(db, "call_day_entries") };
  const [, sameSeconds] = await time(() => recomputeOrganizationScores(db, organizationId));

  const singleCallMs: number[] = [];
  const singleCallStatements: number[] = [];
  const singleCallCpuMs: number[] = [];
  for (let i = 0; i < 9; i++) {
    const at = firstDay + (30 + i * 5) * 86_400_000 + 15 * 3_600_000;
    // Modulo: with a small BENCH_EMPLOYEES the later users would be unmapped, and their drain does nothing.
    await insertLegs(db, organizationId, [[String(9_000_000 + i), `u${(7 + i * 13) % employeeCount}`, null, "outbound", "hangup", at, at + 1000, at + 5000, at + 600_000, 0]]);
    const cpu = process.cpuUsage();
    const [{ statements }, seconds] = await time(() => countStatements(db, () => drainScoreQueue(db, organizationId)));
    const { user, system } = process.cpuUsage(cpu);
    singleCallMs.push(seconds * 1000);
    singleCallStatements.push(statements.length);
    singleCallCpuMs.push((user + system) / 1000);
  }
  step("one new call, each of 9", singleCallMs.map((ms) => ms.toFixed(1)).join(", "));
  step("  statements sent (round trips on PostgreSQL)", singleCallStatements.join(", "));
  step("  this process's CPU time, ms", singleCallCpuMs.map((ms) => ms.toFixed(1)).join(", "));

  const intervals = legs.map((leg) => ({ start: leg[7] ?? leg[5], end: leg[8] }));
  const [, sortSeconds] = await time(() => intervals.sort((a, b) => a.start - b.start || a.end - b.end));
  return {
    engine: databases.engine, bareInsertSeconds, insertSeconds, drainSeconds: isDrainSkipped ? null : drainSeconds, fullSeconds, sameSeconds, sortSeconds, ...written,
    singleCallMs: median(singleCallMs), singleCallStatements: median(singleCallStatements), singleCallCpuMs: median(singleCallCpuMs),
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
