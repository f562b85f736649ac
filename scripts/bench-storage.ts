import os from "node:os";
import { drainScoreQueue } from "@/lib/services/scores/drain-score-queue";
import { seedOrganization, type Leg } from "./bench-score/engine";
import { openBenchDatabases } from "./bench-sync/databases";
import { insertCallsWithPayloads } from "./bench-storage/insert-calls";
import { measureTables } from "./bench-storage/measure";

// `npm run bench:storage`: stores BENCH_EMPLOYEES mapped employees × BENCH_DAYS work days × BENCH_LEGS_PER_DAY
// call legs (with Dialpad-sized raw payloads) in a throwaway database, drains the score queue those inserts
// left (daily_scores, call_day_entries), and prints every table's rows, table bytes and index bytes, then the
// same per employee-year (250 work days) — the storage figures of docs/scaling.md. DATABASE_URL picks the
// engine as for the other benchmarks: unset → SQLite files in a temporary folder; postgres://… → throwaway
// databases on that server. Not part of `npm test`.

const employeeCount = Number(process.env.BENCH_EMPLOYEES ?? 100);
const dayCount = Number(process.env.BENCH_DAYS ?? 20);
const legsPerDay = Number(process.env.BENCH_LEGS_PER_DAY ?? 50);
const workDaysPerYear = 250;
const firstMonday = Date.parse("2026-01-05T00:00:00Z");

let seed = 20260105;
const random = () => ((seed = (seed * 48271) % 2147483647) - 1) / 2147483646;
const pick = (n: number) => Math.floor(random() * n);

/** Mondays to Fridays from 2026-01-05, legsPerDay legs per employee and day, mixed as in bench:score. */
function generateLegs(): Leg[] {
  const legs: Leg[] = [];
  for (let day = 0, workDays = 0; workDays < dayCount; day++) {
    if (day % 7 >= 5) continue;
    workDays++;
    for (let employee = 0; employee < employeeCount; employee++) {
      for (let n = 0; n < legsPerDay; n++) {
        const start = firstMonday + day * 86_400_000 + (13 + pick(9)) * 3_600_000 + pick(3_600) * 1000;
        const talk = (20 + pick(600)) * 1000;
        const id = String(1_000_000 + legs.length);
        const user = `u${employee}`;
        const r = random();
        if (r < 0.65) legs.push([id, user, null, "outbound", "hangup", start, start + 2000, start + 8000, start + 8000 + talk, 0]);
        else if (r < 0.8) legs.push([id, user, null, "inbound", "hangup", start, start + 1000, start + 6000, start + 6000 + talk, 0]);
        else if (r < 0.9) legs.push([id, user, null, "outbound", "hangup", start, start + 2000, null, start + 30_000, 0]);
        else if (r < 0.95) legs.push([id, user, null, "inbound", "missed", start, start + 1000, null, start + 25_000, 0]);
        else legs.push([id, user, null, "outbound", "voicemail", start, start + 2000, null, start + 40_000, 0]);
      }
    }
  }
  return legs;
}

const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);
const count = (n: number) => Math.round(n).toLocaleString("en-US");

async function main(): Promise<void> {
  const databases = openBenchDatabases(process.env.DATABASE_URL);
  try {
    const legs = generateLegs();
    console.log(`bench:storage: ${employeeCount} employees × ${dayCount} work days × ${legsPerDay} legs = ${count(legs.length)} call legs`);
    console.log(`  engine: ${databases.engine} (${databases.where})`);
    console.log(`  (${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)} at start)`);
    const { db } = await databases.create("storage");
    const organizationId = await seedOrganization(db, { count: employeeCount, zones: [null], roles: ["Sales", "Support", null] });
    await insertCallsWithPayloads(db, organizationId, legs);
    await drainScoreQueue(db, organizationId);
    const sizes = await measureTables(db);
    const perEmployeeYear = workDaysPerYear / dayCount / employeeCount;
    console.log(`\n  ${"table".padEnd(28)} ${"rows".padStart(10)} ${"table MiB".padStart(9)} ${"index MiB".padStart(9)}   per employee-year: ${"rows".padStart(7)} ${"table KiB".padStart(9)} ${"index KiB".padStart(9)}`);
    const total = { rows: 0, tableBytes: 0, indexBytes: 0 };
    for (const size of sizes) {
      if (size.rows === 0 && size.tableBytes + size.indexBytes < 65_536) continue;
      total.tableBytes += size.tableBytes;
      total.indexBytes += size.indexBytes;
      console.log(
        `  ${size.table.padEnd(28)} ${count(size.rows).padStart(10)} ${mb(size.tableBytes).padStart(9)} ${mb(size.indexBytes).padStart(9)}   ` +
          `${"".padEnd(19)} ${count(size.rows * perEmployeeYear).padStart(7)} ${count((size.tableBytes * perEmployeeYear) / 1024).padStart(9)} ${count((size.indexBytes * perEmployeeYear) / 1024).padStart(9)}`,
      );
    }
    console.log(
      `  ${"total".padEnd(28)} ${"".padStart(10)} ${mb(total.tableBytes).padStart(9)} ${mb(total.indexBytes).padStart(9)}   ` +
        `${"".padEnd(19)} ${"".padStart(7)} ${count((total.tableBytes * perEmployeeYear) / 1024).padStart(9)} ${count((total.indexBytes * perEmployeeYear) / 1024).padStart(9)}`,
    );
    console.log(`  (load average ${os.loadavg()[0]!.toFixed(1)} at end)`);
  } finally {
    await databases.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
