import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { drainScoreQueue } from "@/lib/services/scores/drain-score-queue";
import { recomputeOrganizationScores } from "@/lib/services/scores/queue-recompute";

// `npm run bench:score`: writes 1,000,000 call legs for several hundred mapped employees straight
// into a temporary database with a bare prepared statement, recomputes every daily score, and prints
// the time next to the time to merely sort those intervals in the same run. Not part of `npm test`.

const legCount = Number(process.env.BENCH_LEGS ?? 1_000_000);
const employeeCount = Number(process.env.BENCH_EMPLOYEES ?? 400);
const dayCount = 90;
const firstDay = Date.parse("2026-01-05T00:00:00Z");
const roles = ["Sales", "Support", "Success", null, "Team lead"];
const zones = ["Europe/London", "Asia/Kolkata", null, null, null, null, null, null, null, null];

let seed = 20260105;
const random = () => ((seed = (seed * 48271) % 2147483647) - 1) / 2147483646;
const pick = (n: number) => Math.floor(random() * n);

type Leg = [string, string, string | null, string, string, number, number | null, number | null, number, number];

/** [callId, userId, masterCallId, direction, state, startedAt, rangAt, connectedAt, endedAt, hasVoicemail] */
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

function createDb(name: string): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `daymark-bench-${name}-`));
  const db = openDatabase(path.join(dir, "bench.db"));
  migrateDatabase(db);
  return db;
}

function seedOrganization(db: Db): number {
  const now = Date.now();
  const client = db.$client;
  const org = client.prepare(
    "INSERT INTO organizations (name, domain, timezone, day_start_hour, work_week, created_at) VALUES (?, ?, ?, 0, '1,2,3,4,5', ?)",
  ).run("Bench", "bench.test", "America/New_York", now);
  const organizationId = Number(org.lastInsertRowid);
  const employee = client.prepare(
    "INSERT INTO employees (organization_id, name, email, timezone, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  const link = client.prepare(
    "INSERT INTO employee_dialpad_links (organization_id, employee_id, dialpad_user_id, method, created_at, updated_at) VALUES (?, ?, ?, 'manual', ?, ?)",
  );
  client.transaction(() => {
    for (let i = 0; i < employeeCount; i++) {
      const row = employee.run(organizationId, `Employee ${i}`, `e${i}@bench.test`, zones[i % zones.length], roles[i % roles.length], now, now);
      link.run(organizationId, Number(row.lastInsertRowid), `u${i}`, now, now);
    }
  })();
  return organizationId;
}

function insertLegs(db: Db, organizationId: number, legs: readonly Leg[]): void {
  const insert = db.$client.prepare(
    `INSERT INTO calls (organization_id, dialpad_call_id, dialpad_user_id, master_call_id, direction, state, started_at,
       rang_at, connected_at, ended_at, event_timestamp, target_type, is_transferred, was_recorded, has_voicemail,
       is_internal, labels, raw, first_synced_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'user', 0, 0, ?, 0, '[]', '{}', 1, 1)`,
  );
  const writeChunk = db.$client.transaction((chunk: readonly Leg[]) => {
    for (const [id, user, master, direction, state, startedAt, rangAt, connectedAt, endedAt, hasVoicemail] of chunk) {
      insert.run(organizationId, id, user, master, direction, state, startedAt, rangAt, connectedAt, endedAt, startedAt, hasVoicemail);
    }
  });
  for (let i = 0; i < legs.length; i += 50_000) writeChunk(legs.slice(i, i + 50_000));
}

async function time<T>(run: () => T | Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, (performance.now() - start) / 1000];
}

const count = (db: Db, table: string) => (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const seconds = (s: number) => `${s.toFixed(2)} s`;

async function main(): Promise<void> {
  const legs = generateLegs();
  const line = (label: string, value: string) => console.log(`  ${label.padEnd(62)} ${value}`);
  console.log(`bench:score: ${legs.length.toLocaleString("en-US")} call legs, ${employeeCount} mapped employees, ${roles.length} roles, 3 time zones, ${dayCount} days`);
  console.log(`  (${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)} at start)`);

  const plain = createDb("plain");
  for (const trigger of ["insert", "update", "delete"]) plain.$client.exec(`DROP TRIGGER calls_score_queue_${trigger}`);
  const [, plainInsert] = await time(() => insertLegs(plain, seedOrganization(plain), legs));
  plain.$client.close();

  const db = createDb("score");
  const organizationId = seedOrganization(db);
  const [, insertSeconds] = await time(() => insertLegs(db, organizationId, legs));
  line("insert legs, bare prepared statement, no triggers", seconds(plainInsert));
  line("insert legs, with the triggers that queue score work", `${seconds(insertSeconds)} (+${Math.round((insertSeconds / plainInsert - 1) * 100)}%)`);

  const [, drainSeconds] = await time(() => drainScoreQueue(db, organizationId));
  line("drain the queue those inserts left (a backfill's first scores)", seconds(drainSeconds));
  const rows = { days: count(db, "daily_scores"), entries: count(db, "call_day_entries") };

  db.$client.exec("DELETE FROM call_day_entries; DELETE FROM daily_scores;");
  const [, fullSeconds] = await time(() => recomputeOrganizationScores(db, organizationId));
  line("recompute all daily scores from scratch (facts + scores)", seconds(fullSeconds));
  line(`  rows written: daily_scores, call_day_entries`, `${rows.days.toLocaleString("en-US")}, ${rows.entries.toLocaleString("en-US")}`);
  const [, sameSeconds] = await time(() => recomputeOrganizationScores(db, organizationId));
  line("recompute all again with nothing changed (hash check, no writes)", seconds(sameSeconds));

  const singleCallMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const at = firstDay + (40 + i * 7) * 86_400_000 + 15 * 3_600_000;
    insertLegs(db, organizationId, [[String(9_000_000 + i), `u${7 + i * 13}`, null, "outbound", "hangup", at, at + 1000, at + 5000, at + 600_000, 0]]);
    singleCallMs.push((await time(() => drainScoreQueue(db, organizationId)))[1] * 1000);
  }
  const medianMs = singleCallMs.sort((a, b) => a - b)[2]!;
  line("one new call: its days and its role's next 28 days (median of 5)", `${medianMs.toFixed(1)} ms`);

  const intervals = legs.map((leg) => ({ start: leg[7] ?? leg[5], end: leg[8] }));
  const [, sortSeconds] = await time(() => intervals.sort((a, b) => a.start - b.start || a.end - b.end));
  line(`sort the same ${legs.length.toLocaleString("en-US")} intervals (Array.prototype.sort)`, seconds(sortSeconds));
  line("full recompute ÷ sort", `${(fullSeconds / sortSeconds).toFixed(1)}×`);
  db.$client.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
