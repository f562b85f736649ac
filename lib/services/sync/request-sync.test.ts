import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimSyncRun, getSyncRun } from "@/db/queries/sync";
import type { RunningEmulator } from "@/emulator/server";
import type { AdminContext } from "@/lib/services/dialpad-connection/context";
import { createTestDb, disposeTestDbs } from "@/tests/db";
import { createOrganization, createUser } from "@/tests/factories";
import { executeSyncRun } from "./execute-sync-run";
import { getSyncOverview } from "./get-sync-overview";
import { requestResync, requestSyncNow } from "./request-sync";
import { getSyncSettingsForAdmin, updateSyncSettings } from "./sync-settings";
import { anchor, connectOrganization, dayMs, fastClientFactory, startSyncEmulator, syncEmulatorConfig, syncModes } from "./testing/harness";

let emulator: RunningEmulator;

const hourMs = 3_600_000;

async function setUp(options: { connected?: boolean; timezone?: string } = {}) {
  const db = await createTestDb();
  const organization = await createOrganization(db, { timezone: options.timezone ?? "America/New_York" });
  if (options.connected ?? true) await connectOrganization(db, emulator, organization.id);
  const user = await createUser(db, organization, { role: "admin", name: "Dana Admin" });
  const admin: AdminContext = { organizationId: organization.id, userId: user.id, name: user.name, role: "admin" };
  const runOptions = { createClient: fastClientFactory(emulator.url), refreshUsers: false };
  return { db, organizationId: organization.id, admin, runOptions };
}

describe.each(syncModes)("sync requests, %s Dialpad", (syncMode) => {
  beforeAll(async () => {
    emulator = await startSyncEmulator(syncEmulatorConfig(syncMode));
  });
  // Each mode's databases go when its tests end, so both modes together hold no more PostgreSQL connections than one.
  afterAll(async () => {
    await emulator.close();
    await disposeTestDbs();
  });

  describe("Sync now", () => {
    it("starts with a backfill of the configured days, then reads the trailing window since the last sync", async () => {
      const { db, admin, runOptions } = await setUp();
      await updateSyncSettings(db, admin, { backfillDays: 3, intervalMinutes: 10, trailingWindowHours: 6 });
      const backfill = await requestSyncNow(db, admin, { now: anchor, launch: false });
      expect(backfill).toMatchObject({ kind: "backfill", trigger: "admin", rangeStart: anchor - 3 * dayMs, rangeEnd: anchor, windowsTotal: 3 });
      await executeSyncRun(db, { organizationId: backfill.organizationId, runId: backfill.id }, runOptions);

      const later = anchor + 2 * hourMs;
      const incremental = await requestSyncNow(db, admin, { now: later, launch: false });
      expect(incremental).toMatchObject({ kind: "incremental", rangeStart: anchor - 6 * hourMs, rangeEnd: later, windowsTotal: 1 });
    });

    it("refuses while another run holds the lock, and when Dialpad is not connected", async () => {
      const { db, admin } = await setUp();
      const first = await requestSyncNow(db, admin, { now: anchor, launch: false });
      await claimSyncRun(db, { organizationId: first.organizationId, id: first.id, owner: "other-process", now: Date.now(), leaseMs: 60_000 });
      await expect(requestSyncNow(db, admin, { now: anchor, launch: false })).rejects.toMatchObject({ code: "CONFLICT" });
      await expect(requestResync(db, admin, { from: "2025-06-16", to: "2025-06-17" }, { now: anchor, launch: false })).rejects.toMatchObject({
        code: "CONFLICT",
      });

      const other = await setUp({ connected: false });
      await expect(requestSyncNow(other.db, other.admin, { launch: false })).rejects.toMatchObject({ code: "DIALPAD_DISCONNECTED" });
    });

    it("is for admins only: anyone else gets a not-found", async () => {
      const { db, admin } = await setUp();
      await expect(requestSyncNow(db, { ...admin, role: "manager" }, { launch: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getSyncOverview(db, { ...admin, role: "employee" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });

  describe("Re-sync a date range", () => {
    it("reads the organization's local days, from the first day's start to the last day's end", async () => {
      const { db, admin } = await setUp({ timezone: "America/New_York" });
      const run = await requestResync(db, admin, { from: "2025-06-16", to: "2025-06-17" }, { now: anchor, launch: false });
      // EDT is UTC−4: local midnight is 04:00 UTC.
      expect(run).toMatchObject({ kind: "resync", rangeStart: Date.parse("2025-06-16T04:00:00Z"), rangeEnd: Date.parse("2025-06-18T04:00:00Z"), windowsTotal: 2 });
    });

    it("stops at now and refuses a range that starts in the future", async () => {
      const { db, admin } = await setUp({ timezone: "UTC" });
      const run = await requestResync(db, admin, { from: "2025-06-18", to: "2025-06-20" }, { now: anchor, launch: false });
      expect(run).toMatchObject({ rangeStart: Date.parse("2025-06-18T00:00:00Z"), rangeEnd: anchor });
      await executeSyncRun(db, { organizationId: run.organizationId, runId: run.id }, { createClient: fastClientFactory(emulator.url), refreshUsers: false });
      await expect(requestResync(db, admin, { from: "2025-06-19", to: "2025-06-19" }, { now: anchor, launch: false })).rejects.toMatchObject({
        code: "VALIDATION",
      });
    });

    it("reports a start in the future together with the range's own problems, in one pass", async () => {
      const { db, admin } = await setUp({ timezone: "UTC" });
      await expect(requestResync(db, admin, { from: "2025-06-19", to: "2025-06-01" }, { now: anchor, launch: false })).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: {
          from: ["Choose a start date that is not in the future."],
          to: ["The end date must be on or after the start date."],
        },
      });
    });
  });

  describe("sync overview", () => {
    it("shows the run in progress with days covered of N, calls so far and a rate, then the history", async () => {
      const { db, admin, runOptions } = await setUp();
      await updateSyncSettings(db, admin, { backfillDays: 2, intervalMinutes: 5, trailingWindowHours: 48 });
      expect(await getSyncSettingsForAdmin(db, admin)).toEqual({ backfillDays: 2, intervalMinutes: 5, trailingWindowHours: 48 });
      const run = await requestSyncNow(db, admin, { now: anchor, launch: false });
      let midRun: Awaited<ReturnType<typeof getSyncOverview>> | undefined;
      await executeSyncRun(db, { organizationId: run.organizationId, runId: run.id }, {
        ...runOptions,
        pageSize: 10,
        commitRows: 1,
        onCommit: async (report) => {
          if (report.windowsDone === 1 && !midRun) midRun = await getSyncOverview(db, admin);
        },
      });
      expect(midRun?.activeRun?.progress).toMatchObject({ daysCovered: 1, daysTotal: 2 });
      expect(midRun?.activeRun?.progress.callsSoFar).toBeGreaterThan(0);

      const after = await getSyncOverview(db, admin);
      const stored = await getSyncRun(db, run.organizationId, run.id);
      expect(after.activeRun).toBeNull();
      expect(after.lastFailure).toBeNull();
      expect(after.recentRuns).toHaveLength(1);
      expect(after.recentRuns[0]).toMatchObject({ kind: "backfill", status: "succeeded", pages: stored!.pages, callsAdded: stored!.callsAdded });
    });
  });
});
