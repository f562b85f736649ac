import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDialpadConnection } from "@/db/queries/dialpad-connections";
import type { RunningEmulator } from "@/emulator/server";
import { createRateLimiter } from "@/lib/integrations/dialpad/client";
import { createRecordingClock } from "@/lib/integrations/dialpad/testing/fake-clock";
import { createTestDb, disposeTestDbs } from "@/tests/db";
import { waitFor } from "@/tests/wait-for";
import { executeSyncRun, type SyncRunOptions } from "./execute-sync-run";
import { createSyncRun, prepareNextRun } from "./plan-run";
import {
  admin,
  anchor,
  connectOrganization,
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

interface EmulatorStats {
  rateLimited: number;
  faultsInjected: number;
  refreshes: number;
  requests: Record<string, number>;
}

/**
 * A 3-day backfill on fake clocks: the client's backoff and Retry-After waits and the run's waits between
 * page attempts are recorded, not slept, and request timeouts fire only when `clock.expireTimeouts()` says.
 */
async function backfill(extra: SyncRunOptions = {}, duringRun: (clock: ReturnType<typeof createRecordingClock>) => Promise<void> = async () => {}) {
  const db = await createTestDb();
  const organizationId = await createConnectedOrganization(db, emulator);
  const run = await createSyncRun(db, organizationId, { kind: "backfill", trigger: "connect", rangeStart, rangeEnd: anchor, now: anchor });
  const clock = createRecordingClock();
  const runSleeps: number[] = [];
  const options: SyncRunOptions = {
    // The rate limiter waits out Retry-After too: on its own fake clock, so its waits are not the client's.
    createClient: fastClientFactory(emulator.url, { clock, rateLimiter: createRateLimiter(100_000, { clock: createRecordingClock() }) }),
    pageSize,
    // One page per transaction, so faults can be injected between pages.
    commitRows: 1,
    refreshUsers: false,
    pageRetryDelayMs: 5,
    sleep: async (ms) => void runSleeps.push(ms),
    ...extra,
  };
  const before = await admin<EmulatorStats>(emulator, "/stats");
  const [finished] = await Promise.all([executeSyncRun(db, { organizationId: run!.organizationId, runId: run!.id }, options), duringRun(clock)]);
  const after = await admin<EmulatorStats>(emulator, "/stats");
  const faults = after.faultsInjected - before.faultsInjected;
  return { db, organizationId, finished: finished!, runId: run!.id, options, faults, stats: { before, after }, clock, runSleeps };
}

async function expectComplete(db: Parameters<typeof expectStoredCallsToMatch>[0], organizationId: number) {
  await expectStoredCallsToMatch(db, organizationId, await emulatorCalls(emulator, rangeStart, anchor));
}

const fault = (spec: Record<string, unknown>) => admin(emulator, "/faults", { pathPrefix: "/api/v2/call", ...spec });

// Each test backfills into a fresh database one page per transaction: seconds on a loaded machine, hence the budget.
describe.each(syncModes)("sync under Dialpad faults, %s Dialpad", { timeout: 60_000 }, (syncMode) => {
  beforeAll(async () => {
    mode = syncMode;
    emulator = await startSyncEmulator(syncEmulatorConfig(syncMode));
  });
  // Each mode's databases go when its tests end, so both modes together hold no more PostgreSQL connections than one.
  afterAll(async () => {
    await emulator.close();
    await disposeTestDbs();
  });
  beforeEach(async () => {
    await fetch(`${emulator.url}/__admin/faults`, { method: "DELETE" });
  });

  it("rides out a burst of 5xx answers longer than one request's retry budget", async () => {
    await fault({ kind: "5xx", status: 503, times: 7 });
    const { db, organizationId, finished, faults, clock, runSleeps } = await backfill();
    expect(faults).toBe(7);
    expect(finished).toMatchObject({ status: "succeeded", errorCount: 0, retryCount: 7 });
    // Five attempts (four backoffs) exhaust the client; the run waits once and asks again (two more backoffs).
    expect(clock.sleeps).toHaveLength(6);
    expect(runSleeps).toEqual([5]);
    await expectComplete(db, organizationId);
  });

  it("honours Retry-After through a storm of 429s", async () => {
    await fault({ kind: "429", times: 3, retryAfterSeconds: 1 });
    const { db, organizationId, finished, faults, clock } = await backfill();
    expect(clock.sleeps).toEqual([1_000, 1_000, 1_000]);
    expect(faults).toBe(3);
    expect(finished).toMatchObject({ status: "succeeded", errorCount: 0, retryCount: 3 });
    await expectComplete(db, organizationId);
  });

  it("times out hanging requests and retries them", async () => {
    await fault({ kind: "hang", times: 2, delayMs: 10_000 });
    const injected = emulator.state.stats.faultsInjected;
    const { db, organizationId, finished, faults } = await backfill({}, async (clock) => {
      // Only the held request is in flight (the next page is asked for only once this one arrives).
      for (const nth of [1, 2]) {
        await waitFor(() => emulator.state.stats.faultsInjected >= injected + nth, { what: `the emulator to hold listing request ${nth}` });
        clock.expireTimeouts();
      }
    });
    expect(faults).toBe(2);
    expect(finished).toMatchObject({ status: "succeeded", errorCount: 0, retryCount: 2 });
    await expectComplete(db, organizationId);
  });

  it("retries a truncated body", async () => {
    await fault({ kind: "malformed_json", times: 1 });
    const { db, organizationId, finished } = await backfill();
    expect(finished).toMatchObject({ status: "succeeded", errorCount: 0, retryCount: 1 });
    await expectComplete(db, organizationId);
  });

  it("refreshes a token that expires mid-run once, through the stored refresh token", async () => {
    let pagesSeen = 0;
    const { db, organizationId, finished, stats } = await backfill({
      onCommit: async () => {
        pagesSeen++;
        if (pagesSeen === 3) await admin(emulator, "/faults", { kind: "expire_tokens" });
      },
    });
    expect(stats.after.refreshes - stats.before.refreshes).toBe(1);
    expect(finished).toMatchObject({ status: "succeeded", errorCount: 0 });
    expect((await getDialpadConnection(db, organizationId))?.status).toBe("connected");
    await expectComplete(db, organizationId);
  });

  it("stops cleanly on invalid_grant, asks for a reconnect, and resumes after it without re-reading", async () => {
    let pagesSeen = 0;
    const { db, organizationId, finished, runId, options } = await backfill({
      onCommit: async () => {
        pagesSeen++;
        if (pagesSeen !== 3) return;
        await admin(emulator, "/faults", { kind: "invalid_grant", pathPrefix: "/oauth2/token" });
        await admin(emulator, "/faults", { kind: "expire_tokens" });
      },
    });
    expect(finished.status).toBe("failed");
    expect(finished.errorMessage).toMatch(/Reconnect Dialpad in Settings → Products/);
    expect(finished.isRetryable).toBe(false);
    const connection = await getDialpadConnection(db, organizationId);
    expect(connection?.status).toBe("reconnect_needed");
    expect(await prepareNextRun(db, organizationId, { trigger: "schedule", now: anchor })).toEqual({ idle: true });

    await connectOrganization(db, emulator, organizationId);
    const next = await prepareNextRun(db, organizationId, { trigger: "connect", now: anchor });
    expect("run" in next && next.run.id).toBe(runId);
    const resumed = await executeSyncRun(db, { organizationId, runId }, { ...options, onCommit: undefined });
    const expected = await emulatorCalls(emulator, rangeStart, anchor);
    expect(resumed).toMatchObject({ status: "succeeded", errorMessage: null, pages: expectedPageCount(expected, rangeStart, anchor, servedPageSize(mode, pageSize)) });
    await expectStoredCallsToMatch(db, organizationId, expected);
  });

  it("fails a run whose faults outlast every retry, and the next tick resumes it to the same result", async () => {
    await fault({ kind: "5xx", status: 502, times: 50 });
    const { db, organizationId, finished, runId, options } = await backfill({ maxPageAttempts: 2 });
    expect(finished).toMatchObject({ status: "failed", isRetryable: true });
    expect(finished.errorMessage).toMatch(/^Dialpad could not be reached or kept failing\. /);
    await fetch(`${emulator.url}/__admin/faults`, { method: "DELETE" });

    const next = await prepareNextRun(db, organizationId, { trigger: "schedule", now: anchor });
    expect("run" in next && next.run.id).toBe(runId);
    expect(await executeSyncRun(db, { organizationId, runId }, options)).toMatchObject({ status: "succeeded", errorMessage: null });
    await expectComplete(db, organizationId);
  });
});
