// Builds bench:views' database once per engine and size, and finds it again on later runs: SQLite in
// .bench/views-<legs>.db, PostgreSQL as the database daymark_bench_views_<legs> on the given server. A
// manifest written after the last step (.bench/views-<engine>-<legs>.json) marks the build complete;
// without it, or with --rebuild, the database is deleted and built again.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { closeDatabase, openDatabase, type Db } from "@/db/client";
import { getPostgresPool } from "@/db/engines/postgres";
import { executeSql, queryRows } from "@/db/engines/raw";
import { migrateDatabase } from "@/db/migrate";
import { insertUser } from "@/db/queries/users";
import { recomputeOrganizationScores } from "@/lib/services/scores/queue-recompute";
import { hashPassword } from "@/lib/services/users/passwords";
import { seedOrganization } from "../bench-score/engine";
import { copyCallLegs } from "../bench-storage/copy-calls";
import { insertCallsWithPayloads } from "../bench-storage/insert-calls";
import { dropCallsIndexes, storedPayload, applyBulkLoadSettings } from "./bulk-load";
import { busyDay, employeeCount, generateLegDays, roles, zones } from "./workload";

export const benchDir = path.resolve(".bench");
const managerReports = 200;

export interface BenchManifest {
  engine: "sqlite" | "postgres";
  url: string;
  legs: number;
  organizationId: number;
  admin: { email: string; password: string };
  /** A manager (employee 1999) with 200 direct reports (employees 0–199): the range view's workload. */
  manager: { email: string; password: string };
  /** Employee 0 and their 300-call day. */
  busyEmployeeId: number;
  busyDay: string;
  /** A leg of that day with a linked leg (the second leg of a three-way call), and its employee. */
  call: { id: number; employeeId: number };
  rows: { calls: number; dailyScores: number; callDayEntries: number };
  buildSeconds: { insert: number; indexes: number; scores: number; analyze: number };
}

export async function openBenchDatabase(
  engine: "sqlite" | "postgres",
  legs: number,
  options: { rebuild: boolean; postgresServerUrl?: string },
): Promise<BenchManifest> {
  const manifestFile = path.join(benchDir, `views-${engine}-${legs}.json`);
  if (!options.rebuild && fs.existsSync(manifestFile)) {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as BenchManifest;
    // Migrations committed since the build apply to the cached database, as `npm start` applies them.
    const db = openDatabase(manifest.url);
    await migrateDatabase(db).finally(() => closeDatabase(db));
    return manifest;
  }
  fs.mkdirSync(benchDir, { recursive: true });
  fs.rmSync(manifestFile, { force: true });
  const url = engine === "sqlite" ? await resetSqlite(legs) : await resetPostgres(options.postgresServerUrl!, legs);
  const db = openDatabase(url);
  try {
    const manifest = await build(db, engine, url, legs);
    fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    await closeDatabase(db);
  }
}

async function resetSqlite(legs: number): Promise<string> {
  const file = path.join(benchDir, `views-${legs}.db`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
  return file;
}

async function resetPostgres(serverUrl: string, legs: number): Promise<string> {
  const name = `daymark_bench_views_${legs}`;
  const server = openDatabase(serverUrl);
  try {
    await getPostgresPool(server).query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await getPostgresPool(server).query(`CREATE DATABASE "${name}"`);
    // Index builds (after the bulk load) and VACUUM sort in memory; the app's own statements never use it.
    await getPostgresPool(server).query(`ALTER DATABASE "${name}" SET maintenance_work_mem = '1GB'`);
  } finally {
    await closeDatabase(server);
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function timed(label: string, run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  const seconds = (performance.now() - start) / 1000;
  console.log(`    ${label}: ${seconds.toFixed(1)} s`);
  return seconds;
}

async function build(db: Db, engine: "sqlite" | "postgres", url: string, legs: number): Promise<BenchManifest> {
  console.log(`  building the ${engine} database (${legs.toLocaleString("en-US")} legs, ${employeeCount} employees, one year)…`);
  await migrateDatabase(db);
  const organizationId = await seedOrganization(db, { count: employeeCount, zones, roles });
  const admin = { email: "admin@bench-views.test", password: "bench-views-password" };
  const manager = { email: `e${employeeCount - 1}@bench.test`, password: admin.password };
  const passwordHash = await hashPassword(admin.password);
  await insertUser(db, { organizationId, email: admin.email, name: "Bench Admin", passwordHash, role: "admin", createdAt: Date.now() });
  await insertUser(db, { organizationId, email: manager.email, name: "Bench Manager", passwordHash, role: "manager", createdAt: Date.now() });
  await executeSql(db, sql`UPDATE employees SET manager_id = (SELECT id FROM employees WHERE organization_id = ${organizationId} AND email = ${manager.email})
    WHERE organization_id = ${organizationId} AND id < (SELECT min(id) + ${managerReports} FROM employees WHERE organization_id = ${organizationId})`);

  const restoreSettings = await applyBulkLoadSettings(db);
  const restoreIndexes = await dropCallsIndexes(db);
  const insert = await timed(`insert legs (no triggers, ${engine === "sqlite" ? "only the in-order indexes" : "no secondary indexes"})`, async () => {
    if (engine === "postgres") await copyCallLegs(db, organizationId, generateLegDays(legs), storedPayload, { freeze: true });
    else for (const day of generateLegDays(legs)) await insertCallsWithPayloads(db, organizationId, day, storedPayload);
  });
  const indexes = await timed("create the calls indexes and triggers", restoreIndexes);
  await restoreSettings();
  const scores = await timed("full recompute of every daily score (the app's own)", () => recomputeOrganizationScores(db, organizationId));
  const analyze = engine === "postgres" ? await timed("VACUUM ANALYZE (what autovacuum would leave)", () => executeSql(db, sql`VACUUM ANALYZE`)) : 0;

  const [busy] = await queryRows<{ id: number }>(db, sql`SELECT id FROM employees WHERE organization_id = ${organizationId} AND email = 'e0@bench.test'`);
  const [call] = await queryRows<{ id: number; employeeId: number }>(db, sql`
    SELECT c.id, l.employee_id AS "employeeId" FROM calls c
    JOIN employee_dialpad_links l ON l.organization_id = c.organization_id AND l.dialpad_user_id = c.dialpad_user_id
    WHERE c.organization_id = ${organizationId} AND c.master_call_id IS NOT NULL ORDER BY c.id DESC LIMIT 1`);
  const count = async (table: string) => Number((await queryRows<{ n: number }>(db, sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`))[0]!.n);
  return {
    engine, url, legs, organizationId, admin, manager, busyEmployeeId: busy!.id, busyDay, call: call!,
    rows: { calls: await count("calls"), dailyScores: await count("daily_scores"), callDayEntries: await count("call_day_entries") },
    buildSeconds: { insert, indexes, scores, analyze },
  };
}
