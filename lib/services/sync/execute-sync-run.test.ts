import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDialpadConnection } from "@/db/queries/dialpad-connections";
import { getSyncRun } from "@/db/queries/sync";
import type { RunningEmulator } from "@/emulator/server";
import { createTestDb, disposeTestDbs } from "@/tests/db";
import { executeSyncRun } from "./execute-sync-run";
import { createSyncRun } from "./plan-run";
import {
  anchor,
  createConnectedOrganization,
  dayMs,
  emulatorCalls,
  expectStoredCallsToMatch,
  expectedPageCount,
  fastClientFactory,
  servedPageSize,
  startSyncEmulator,
  syncEmulatorConfig,
  syncModes,
  type SyncMode,
} from "./testing/harness";

let emulator: RunningEmulator;
let mode: SyncMode;

const rangeStart = anchor - 3 * dayMs;
const pageSize = 10;

async function setUp() {
  const db = await createTestDb();
  const organizationId = await createConnectedOrganization(db, emulator);
  const options = { createClient: fastClientFactory(emulator.url), pageSize, refreshUsers: false };
  return { db, organizationId, options };
}

describe.each(syncModes)("executeSyncRun against %s Dialpad", (syncMode) => {
  beforeAll(async () => {
    mode = syncMode;
    emulator = await startSyncEmulator(syncEmulatorConfig(syncMode));
  });
  // Each mode's databases go when its tests end, so both modes together hold no more PostgreSQL connections than one.
  afterAll(async () => {
    await emulator.close();
    await disposeTestDbs();
  });

  it("backfills every leg of the range exactly, each batch of pages committed with its checkpoint", async () => {
    const { db, organizationId, options } = await setUp();
    const run = await createSyncRun(db, organizationId, { kind: "backfill", trigger: "connect", rangeStart, rangeEnd: anchor, now: anchor });
    const expected = await emulatorCalls(emulator, rangeStart, anchor);
    expect(expected.length).toBeGreaterThan(150);

    const finished = await executeSyncRun(db, { organizationId: run!.organizationId, runId: run!.id }, options);

    await expectStoredCallsToMatch(db, organizationId, expected);
    expect(finished).toMatchObject({
      status: "succeeded",
      windowsTotal: 3,
      windowsDone: 3,
      windowEnd: rangeStart,
      cursor: null,
      pages: expectedPageCount(expected, rangeStart, anchor, servedPageSize(mode, pageSize)),
      callsSeen: expected.length,
      callsAdded: expected.length,
      callsUpdated: 0,
      quarantined: 0,
      errorCount: 0,
      errorMessage: null,
      leaseOwner: null,
    });
    expect((await getDialpadConnection(db, organizationId))?.lastSyncAt).toBeGreaterThan(0);
  });

  it("reading the same range again adds and updates nothing", async () => {
    const { db, organizationId, options } = await setUp();
    const first = await createSyncRun(db, organizationId, { kind: "backfill", trigger: "connect", rangeStart, rangeEnd: anchor, now: anchor });
    await executeSyncRun(db, { organizationId: first!.organizationId, runId: first!.id }, options);
    const again = await createSyncRun(db, organizationId, { kind: "resync", trigger: "admin", rangeStart, rangeEnd: anchor, now: anchor });
    const finished = await executeSyncRun(db, { organizationId: again!.organizationId, runId: again!.id }, options);
    const expected = await emulatorCalls(emulator, rangeStart, anchor);
    expect(finished).toMatchObject({ status: "succeeded", callsSeen: expected.length, callsAdded: 0, callsUpdated: 0 });
    await expectStoredCallsToMatch(db, organizationId, expected);
  });

  it("never runs two syncs of one organization at once", async () => {
    const { db, organizationId, options } = await setUp();
    const run = await createSyncRun(db, organizationId, { kind: "backfill", trigger: "connect", rangeStart, rangeEnd: anchor, now: anchor });
    expect(await createSyncRun(db, organizationId, { kind: "incremental", trigger: "schedule", rangeStart, rangeEnd: anchor, now: anchor })).toBeNull();

    const [a, b] = await Promise.all([executeSyncRun(db, { organizationId: run!.organizationId, runId: run!.id }, options), executeSyncRun(db, { organizationId: run!.organizationId, runId: run!.id }, options)]);
    expect([a?.status, b?.status].sort()).toEqual(["succeeded", undefined].sort());
    const expected = await emulatorCalls(emulator, rangeStart, anchor);
    expect((await getSyncRun(db, run!.organizationId, run!.id))?.pages).toBe(expectedPageCount(expected, rangeStart, anchor, servedPageSize(mode, pageSize)));
  });
});
