// db:copy of an install built by the app itself (in a SQLite process): on PostgreSQL the tokens still
// work, recomputed scores equal the copied ones, and the next sync continues where the copied one stopped.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "@/db/client";
import { listOrganizationCalls } from "@/db/queries/calls";
import { getDialpadConnection } from "@/db/queries/dialpad-connections";
import { createScratchPostgresDatabase, createScratchSqliteFile, type ScratchDatabase } from "@/db/testing/scratch-databases";
import type { RunningEmulator } from "@/emulator/server";
import { getDialpadAccessToken } from "@/lib/services/dialpad-connection/access-token";
import { openConnectionSecret } from "@/lib/services/dialpad-connection/token-storage";
import { recomputeOrganizationScores } from "@/lib/services/scores/queue-recompute";
import { snapshotScores } from "@/lib/services/scores/testing";
import { drainScoreQueue } from "@/lib/services/scores/drain-score-queue";
import { drainTiming } from "@/lib/services/scores/schedule-score-drain";
import { executeSyncRun } from "@/lib/services/sync/execute-sync-run";
import { prepareNextRun } from "@/lib/services/sync/plan-run";
import { anchor, dayMs, emulatorCalls, expectStoredCallsToMatch, fastClientFactory, startSyncEmulator } from "@/lib/services/sync/testing/harness";
import { copySqliteToPostgres, type CopyReport } from "./db-copy/copy-database";
import { planCopy } from "./db-copy/tables";
import type { BuiltInstall } from "./db-copy/testing/build-install";
import { readPostgresRows, readSqliteRows } from "./db-copy/testing/read-rows";

// The install backfilled [anchor − 3 days, anchor − 1 day); the sync after the copy runs at the anchor.
const backfillStart = anchor - 3 * dayMs;
const backfillEnd = anchor - dayMs;
const scratch: ScratchDatabase[] = [];
let emulator: RunningEmulator;
let sourceFile: string;
let install: BuiltInstall;
let report: CopyReport;
let db: Db;

function buildInstallInChild(file: string): Promise<BuiltInstall> {
  // Its own process: DATABASE_URL there names the SQLite file, so the app's modules run on SQLite.
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts/db-copy/testing/build-install.ts")], {
    env: { ...process.env, DATABASE_URL: file, BUILD_INSTALL_RANGE_START: String(backfillStart), BUILD_INSTALL_RANGE_END: String(backfillEnd), BUILD_INSTALL_BACKFILL_DAYS: String((anchor - backfillStart) / dayMs) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) reject(new Error(`build-install exited with ${code}: ${stdout}`));
      else resolve(JSON.parse(stdout.trim().split("\n").at(-1)!) as BuiltInstall);
    });
  });
}

const savedDrainTiming = { ...drainTiming };

beforeAll(async () => {
  // The sync's background drains start at once, so the test's own drain joins them (none runs after the database closes).
  Object.assign(drainTiming, { quietMs: 0, maxWaitMs: 0 });
  emulator = await startSyncEmulator();
  const file = createScratchSqliteFile();
  scratch.push(file);
  sourceFile = file.url;
  install = await buildInstallInChild(sourceFile);
  const target = await createScratchPostgresDatabase();
  scratch.push(target);
  report = await copySqliteToPostgres({ from: sourceFile, to: target.url });
  db = openDatabase(target.url);
}, 180_000);

afterAll(async () => {
  Object.assign(drainTiming, savedDrainTiming);
  if (db) await closeDatabase(db);
  await emulator?.close();
  for (const database of scratch) await database.dispose();
}, 60_000);

describe("db:copy of an install the app built", () => {
  it("copies every row: calls, scores, the Dialpad connection and the rest", async () => {
    const byTable = new Map(report.counts.map((c) => [c.table, c]));
    for (const table of ["organizations", "users", "employees", "dialpad_connections", "dialpad_users", "employee_dialpad_links", "calls", "sync_runs", "daily_scores", "call_day_entries"]) {
      expect(byTable.get(table)?.source, `${table} has rows`).toBeGreaterThan(0);
    }
    // The install's score work was all done: the copied scores are final, so a recompute must reproduce them.
    expect(byTable.get("score_recompute_queue")?.source).toBe(0);
    for (const { table, source, target } of report.counts) expect(target, table).toBe(source);
    for (const table of planCopy()) expect(await readPostgresRows(db, table), table.name).toEqual(readSqliteRows(sourceFile, table));
  }, 60_000);

  it("keeps the sealed tokens: they decrypt on PostgreSQL and the app uses them", async () => {
    const connection = await getDialpadConnection(db, install.organizationId);
    expect(openConnectionSecret(install.organizationId, "refresh_token", connection!.refreshTokenCipher!)).toBe(install.refreshToken);
    expect(await getDialpadAccessToken(db, install.organizationId)).toBe(install.accessToken);
  }, 60_000);

  it("recomputes the same scores on PostgreSQL as were copied from SQLite", async () => {
    const copied = await snapshotScores(db, install.organizationId);
    expect(copied.days.filter((day) => day.score !== null).length).toBeGreaterThan(0);
    await recomputeOrganizationScores(db, install.organizationId);
    expect(await snapshotScores(db, install.organizationId)).toEqual(copied);
  }, 60_000);

  it("continues the sync where the copied one stopped: an incremental run over the trailing window, no copied call changed", async () => {
    const copiedCalls = await listOrganizationCalls(db, install.organizationId);
    const next = await prepareNextRun(db, install.organizationId, { trigger: "admin", now: anchor });
    expect(next).toMatchObject({ run: { kind: "incremental", rangeStart: backfillEnd - 2 * dayMs, rangeEnd: anchor } });
    const run = (next as { run: { id: number } }).run;
    expect(run.id).toBeGreaterThan(install.backfillRunId);

    const finished = await executeSyncRun(db, { organizationId: install.organizationId, runId: run.id }, { createClient: fastClientFactory(emulator.url), refreshUsers: false });
    const newCalls = await emulatorCalls(emulator, backfillEnd, anchor);
    expect(newCalls.length).toBeGreaterThan(0);
    expect(finished).toMatchObject({ status: "succeeded", callsAdded: newCalls.length, callsUpdated: 0 });
    await expectStoredCallsToMatch(db, install.organizationId, await emulatorCalls(emulator, backfillStart, anchor));
    const maxCopiedId = Math.max(...copiedCalls.map((call) => call.id));
    const added = (await listOrganizationCalls(db, install.organizationId)).filter((call) => !copiedCalls.some((c) => c.id === call.id));
    expect(added.every((call) => call.id > maxCopiedId)).toBe(true);

    // The new calls' score work was queued by the PostgreSQL triggers; draining it scores their day.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await drainScoreQueue(db, install.organizationId);
    const newestDay = (await snapshotScores(db, install.organizationId)).days.map((day) => day.dayKey).sort().at(-1)!;
    const copiedNewestDay = snapshotScoresFromCopy().sort().at(-1)!;
    expect(newestDay > copiedNewestDay).toBe(true);
  }, 120_000);
});

function snapshotScoresFromCopy(): string[] {
  const dailyScores = planCopy().find((table) => table.name === "daily_scores")!;
  return readSqliteRows(sourceFile, dailyScores).map((row) => String(row.dayKey));
}
