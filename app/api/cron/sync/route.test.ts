import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { countOrganizationCalls } from "@/db/queries/calls";
import { hasQueuedScoreWork } from "@/db/queries/score-queue";
import { listSyncRuns, saveSyncSettings } from "@/db/queries/sync";
import type { RunningEmulator } from "@/emulator/server";
import { resetEnvCache } from "@/lib/env";
import { admin, createConnectedOrganization, startSyncEmulator } from "@/lib/services/sync/testing/harness";
import { createTestDb } from "@/tests/db";
import { GET } from "./route";

function call(authorization?: string) {
  const headers = authorization === undefined ? undefined : { authorization };
  return GET(new Request("http://localhost/api/cron/sync", { headers }));
}

// The route reads the process-wide database (getDb); a test swaps in its own and puts the old one back.
const globalForDb = globalThis as unknown as { daymarkDb?: Db };
const processDb = globalForDb.daymarkDb;

let emulator: RunningEmulator;
beforeAll(async () => {
  // The route syncs up to the real now, so this emulator's history ends now (a week and a day of calls).
  emulator = await startSyncEmulator({ anchor: Date.now(), days: 8 });
});
afterAll(() => emulator.close());
afterEach(() => {
  globalForDb.daymarkDb = processDb;
  delete process.env.CRON_SECRET;
  delete process.env.DAYMARK_DISABLE_SCHEDULER;
  resetEnvCache();
});

describe("GET /api/cron/sync", () => {
  it("refuses a missing or wrong Bearer secret with 401", async () => {
    process.env.CRON_SECRET = "cron-secret-1234";
    resetEnvCache();
    expect((await call()).status).toBe(401);
    expect((await call("Bearer nope")).status).toBe(401);
    expect((await call("cron-secret-1234")).status).toBe(401);
  });

  it("answers 503 when no CRON_SECRET is configured, so an open endpoint is never the default", async () => {
    resetEnvCache();
    expect((await call("Bearer ")).status).toBe(503);
  });

  it("with the right secret starts a connected organization's due sync, which reads Dialpad and stores its calls", async () => {
    process.env.CRON_SECRET = "cron-secret-1234";
    // As on Vercel: no worker in this process, so the cron call is what runs the queued jobs.
    process.env.DAYMARK_DISABLE_SCHEDULER = "1";
    resetEnvCache();
    const db = await createTestDb();
    globalForDb.daymarkDb = db;
    const organizationId = await createConnectedOrganization(db, emulator);
    // A week: always some weekdays with calls, and few enough requests for the production rate limit.
    await saveSyncSettings(db, organizationId, { backfillDays: 7, intervalMinutes: 5, trailingWindowHours: 24 }, Date.now());
    const listRequests = async () => (await admin<{ requests: Record<string, number> }>(emulator, "/stats")).requests["GET /api/v2/call"] ?? 0;
    const requestsBefore = await listRequests();
    expect(await listSyncRuns(db, organizationId, 10)).toEqual([]);

    const response = await call("Bearer cron-secret-1234");

    expect(response.status).toBe(200);
    const summary = await response.json();
    if (db.$engine === "postgres") {
      // The run went through the job queue and this call worked it (and the score drains it queued).
      expect(summary).toMatchObject({ runsStarted: 1, webhookEventsSwept: 0, jobs: { failed: 0, leftRunning: 0, byName: { "sync-run": 1 } } });
      expect(await hasQueuedScoreWork(db, organizationId)).toBe(false);
    } else {
      expect(summary).toEqual({ runsStarted: 1, webhookEventsSwept: 0 });
    }
    const runs = await listSyncRuns(db, organizationId, 10);
    expect(runs).toMatchObject([{ kind: "backfill", trigger: "schedule", status: "succeeded", windowsDone: 7, windowsTotal: 7 }]);
    expect(await listRequests()).toBeGreaterThanOrEqual(requestsBefore + 7);
    const stored = await countOrganizationCalls(db, organizationId);
    expect(stored).toBeGreaterThan(0);
    expect(runs[0]!.callsAdded).toBe(stored);
  }, 60_000);
});
