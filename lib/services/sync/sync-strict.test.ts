import { afterEach, describe, expect, it } from "vitest";
import { getSyncRun } from "@/db/queries/sync";
import type { RunningEmulator } from "@/emulator/server";
import { createVirtualClock } from "@/emulator/testing/virtual-clock";
import { createRateLimiter } from "@/lib/integrations/dialpad/client";
import { createTestDb } from "@/tests/db";
import { executeSyncRun } from "./execute-sync-run";
import { createSyncRun } from "./plan-run";
import {
  admin,
  anchor,
  createConnectedOrganization,
  dayMs,
  emulatorCalls,
  expectStoredCallsToMatch,
  fastClientFactory,
  startSyncEmulator,
  syncEmulatorConfig,
} from "./testing/harness";

// Strict Dialpad only: what the default mode never does (issue 13).
let emulator: RunningEmulator | null = null;
afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

const rangeStart = anchor - 3 * dayMs;

interface Stats {
  rateLimited: number;
  backgroundRequests: number;
  requests: Record<string, number>;
}

describe("sync against strict Dialpad", { timeout: 120_000 }, () => {
  it("restarts a window whose cursor expired mid-run and stores exactly Dialpad's legs", async () => {
    const clock = createVirtualClock();
    emulator = await startSyncEmulator({ ...syncEmulatorConfig("strict"), cursorTtlSeconds: 60 }, { clock });
    const running = emulator;
    const db = await createTestDb();
    const organizationId = await createConnectedOrganization(db, running);
    const run = await createSyncRun(db, organizationId, { kind: "backfill", trigger: "connect", rangeStart, rangeEnd: anchor, now: anchor });
    const expected = await emulatorCalls(running, rangeStart, anchor);
    let commits = 0;
    let expiredAt: number | null = null;
    const finished = await executeSyncRun(db, { organizationId: run!.organizationId, runId: run!.id }, {
      createClient: fastClientFactory(running.url),
      pageSize: 100,
      commitRows: 1,
      refreshUsers: false,
      // After the second page of the first window, every cursor Dialpad handed out so far is older than its TTL.
      onCommit: async (report) => {
        commits++;
        if (commits === 2) {
          expiredAt = report.pages;
          await clock.advance(61_000);
        }
      },
    });
    expect(expiredAt).toBe(2);
    expect(finished).toMatchObject({ status: "succeeded", errorMessage: null, callsAdded: expected.length, callsUpdated: 0 });
    // The first window was read again from its start: its first pages twice, nothing lost, nothing stored twice.
    expect(finished!.callsSeen).toBeGreaterThan(expected.length);
    await expectStoredCallsToMatch(db, organizationId, expected);
  });

  it("stays correct through 429s it did not cause, when other integrations spend nearly all of the company's 20 requests a second", async () => {
    emulator = await startSyncEmulator({ ...syncEmulatorConfig("strict"), rateLimit: 20, backgroundRps: 19, users: 12 });
    const running = emulator;
    const db = await createTestDb();
    const organizationId = await createConnectedOrganization(db, running);
    const run = await createSyncRun(db, organizationId, { kind: "backfill", trigger: "connect", rangeStart, rangeEnd: anchor, now: anchor });
    const before = await admin<Stats>(running, "/stats");
    const finished = await executeSyncRun(db, { organizationId: run!.organizationId, runId: run!.id }, {
      // Dialpad's limit on the client's side too, with its real clock: the 429s come from the background traffic.
      createClient: fastClientFactory(running.url, { rateLimiter: createRateLimiter(20) }),
      pageSize: 100,
      refreshUsers: false,
    });
    const after = await admin<Stats>(running, "/stats");
    // Each /__admin call also ticks the clock, so take the truth after the run.
    const expected = await emulatorCalls(running, rangeStart, anchor);
    expect(after.backgroundRequests - before.backgroundRequests).toBeGreaterThan(0);
    expect(after.rateLimited - before.rateLimited).toBeGreaterThan(0);
    expect(finished).toMatchObject({ status: "succeeded", errorMessage: null, callsAdded: expected.length });
    expect((await getSyncRun(db, run!.organizationId, run!.id))?.status).toBe("succeeded");
    await expectStoredCallsToMatch(db, organizationId, expected);
  });
});
