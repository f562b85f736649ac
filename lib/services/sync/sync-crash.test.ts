import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSyncRun } from "@/db/queries/sync";
import type { RunningEmulator } from "@/emulator/server";
import { createTestDb, disposeTestDbs, testDatabaseUrl } from "@/tests/db";
import { waitFor } from "@/tests/wait-for";
import { createSyncRun, prepareNextRun } from "./plan-run";
import {
  admin,
  anchor,
  createConnectedOrganization,
  dayMs,
  emulatorCalls,
  expectStoredCallsToMatch,
  expectedPageCount,
  servedPageSize,
  startSyncEmulator,
  syncEmulatorConfig,
  syncModes,
  type SyncMode,
} from "./testing/harness";

let emulator: RunningEmulator;
let mode: SyncMode;

const rangeStart = anchor - 3 * dayMs;
const pageSize = 5;
const leaseMs = 60_000;
// Three pages per transaction: the checkpoint covers whole batches.

/** `clockAheadMs` runs the child's clock ahead, instead of the test sleeping out a dead process's lease. */
function startChild(databaseUrl: string, run: { organizationId: number; id: number }, clockAheadMs = 0): { child: ChildProcess; exited: Promise<number | null> } {
  // node itself with tsx as a loader: the tsx CLI would put a second process between us and the one to kill.
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("lib/services/sync/testing/backfill-child.ts")], {
    env: {
      ...process.env, DATABASE_URL: databaseUrl, SYNC_CHILD_ORGANIZATION_ID: String(run.organizationId), SYNC_CHILD_RUN_ID: String(run.id), SYNC_CHILD_LEASE_MS: String(leaseMs),
      SYNC_CHILD_PAGE_SIZE: String(pageSize), SYNC_CHILD_COMMIT_ROWS: "12", SYNC_CHILD_CLOCK_AHEAD_MS: String(clockAheadMs),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited };
}

describe.each(syncModes)("a sync process killed mid-backfill, %s Dialpad", (syncMode) => {
  beforeAll(async () => {
    mode = syncMode;
    emulator = await startSyncEmulator(syncEmulatorConfig(syncMode));
    // Dialpad's own limit, so the child is still mid-run when it is killed (strict: shared with other integrations' traffic).
    await admin(emulator, "/rate-limit", { perSecond: 20 });
  });
  // Each mode's databases go when its tests end, so both modes together hold no more PostgreSQL connections than one.
  afterAll(async () => {
    await emulator.close();
    await disposeTestDbs();
  });

  it("resumes in a new process exactly where it stopped: no gap, no duplicate page", async () => {
    const db = await createTestDb();
    const organizationId = await createConnectedOrganization(db, emulator);
    const run = await createSyncRun(db, organizationId, { kind: "backfill", trigger: "connect", rangeStart, rangeEnd: anchor, now: anchor });
    const expected = await emulatorCalls(emulator, rangeStart, anchor);
    const totalPages = expectedPageCount(expected, rangeStart, anchor, servedPageSize(mode, pageSize));
    const killAfterPages = Math.min(8, Math.floor(totalPages / 2));
    // Answered listing requests: a 429 (strict Dialpad's background traffic) is asked again, not a page read twice.
    const listRequests = async () => {
      const stats = await admin<{ requests: Record<string, number>; rateLimited: number }>(emulator, "/stats");
      return (stats.requests["GET /api/v2/call"] ?? 0) - stats.rateLimited;
    };
    const requestsBefore = await listRequests();

    const first = startChild(testDatabaseUrl(db), run!);
    await waitFor(async () => ((await getSyncRun(db, run!.organizationId, run!.id))?.pages ?? 0) >= killAfterPages, {
      what: `the first sync process to commit ${killAfterPages} pages`,
      timeoutMs: 60_000,
      intervalMs: 5,
    });
    first.child.kill("SIGKILL");
    expect(await first.exited).toBeNull();
    const killed = await getSyncRun(db, run!.organizationId, run!.id);
    expect(killed?.status).toBe("running");
    expect(killed!.pages).toBeLessThan(totalPages);

    // The dead process's lease still holds the run until it lapses; a process whose clock is past it takes over.
    const afterLease = Date.now() + leaseMs + 1_000;
    expect(await prepareNextRun(db, organizationId, { trigger: "schedule", now: Date.now() })).toMatchObject({ busy: { id: run!.id } });
    expect(await prepareNextRun(db, organizationId, { trigger: "schedule", now: afterLease })).toMatchObject({ run: { id: run!.id } });
    const second = startChild(testDatabaseUrl(db), run!, leaseMs + 1_000);
    expect(await second.exited).toBe(0);

    const finished = await getSyncRun(db, run!.organizationId, run!.id);
    expect(finished).toMatchObject({ status: "succeeded", pages: totalPages, callsSeen: expected.length, callsAdded: expected.length });
    await expectStoredCallsToMatch(db, organizationId, expected);
    // At most the page in flight and the one prefetched were fetched twice.
    expect((await listRequests()) - requestsBefore).toBeLessThanOrEqual(totalPages + 2);
  }, 120_000);
});
