import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getActiveEngine } from "@/db/engine";
import { syncRuns, type NewSyncRun } from "@/db/schema";
import { toCallLeg } from "@/lib/integrations/dialpad/transform";
import { parseCallItems } from "@/lib/integrations/dialpad/schema";
import { callEvent } from "@/lib/services/sync/testing/webhook-harness";
import { createTestDb } from "@/tests/db";
import { createOrganization } from "@/tests/factories";
import { countOrganizationCalls, nextWriteStamp } from "./calls";
import { claimSyncRun, getSyncRun, insertSyncRun } from "./sync";
import { commitSyncPages, SyncLeaseLostError, type SyncPageBatch } from "./sync-commit";
import type { ChunkSizer } from "./sync-chunk-size";

const now = 1_750_100_000_000;

async function setUp() {
  const db = await createTestDb();
  const { id: organizationId } = await createOrganization(db);
  const values: NewSyncRun = {
    organizationId, kind: "backfill", trigger: "admin", status: "running", rangeStart: 0, rangeEnd: 86_400_000,
    windowEnd: 86_400_000, windowsTotal: 1, activeSince: now, startedAt: now, updatedAt: now,
  };
  const run = (await insertSyncRun(db, values))!;
  await claimSyncRun(db, { organizationId, id: run.id, owner: "me", now, leaseMs: 60_000 });
  const items = Array.from({ length: 60 }, (_, i) => callEvent(9_000 + i, "hangup", now - i));
  const { calls } = parseCallItems(items);
  const batch = (): SyncPageBatch => ({
    lease: { id: run.id, owner: "me", now: nextWriteStamp(now), leaseMs: 60_000 },
    organizationId,
    legs: calls.map((call, i) => ({ leg: toCallLeg(call), raw: items[i] })),
    rejected: [{ raw: { call_id: "bad" }, issues: ["direction: required"] }],
    checkpoint: { windowEnd: 86_400_000, cursor: "c2", windowsDone: 0 },
    pages: 2,
    itemsSeen: 61,
    usage: { requestCount: 2, retryCount: 0, busyMs: 10 },
  });
  return { db, organizationId, run, batch };
}

/** 25 rows a step; `afterStep` runs after each SQLite step (PostgreSQL writes one transaction). */
function fixedSizer(afterStep: (step: number) => void = () => undefined): ChunkSizer & { steps: number[] } {
  const steps: number[] = [];
  return { steps, rows: () => 25, record: (rows) => (steps.push(rows), afterStep(steps.length)) };
}

describe(`commitSyncPages on ${getActiveEngine()}`, () => {
  it("writes a batch in steps of the sizer's rows, the last one moving the checkpoint, and counts each row once", async () => {
    const { db, organizationId, run, batch } = await setUp();
    const sizer = fixedSizer();
    expect(await commitSyncPages(db, batch(), sizer)).toEqual({ added: 60, updated: 0 });
    expect(sizer.steps).toEqual(db.$engine === "sqlite" ? [25, 25, 10] : []);
    expect(await countOrganizationCalls(db, organizationId)).toBe(60);
    expect(await getSyncRun(db, organizationId, run.id)).toMatchObject({
      cursor: "c2", pages: 2, callsSeen: 61, callsAdded: 60, callsUpdated: 0, quarantined: 1, requestCount: 2,
    });

    // The same pages again (a resumed run re-reading them): merged, nothing new.
    expect(await commitSyncPages(db, batch(), fixedSizer())).toEqual({ added: 0, updated: 0 });
    expect(await getSyncRun(db, organizationId, run.id)).toMatchObject({ pages: 4, callsSeen: 122, callsAdded: 60, callsUpdated: 0 });
  });

  it("stores nothing once another process holds the run", async () => {
    const { db, organizationId, run, batch } = await setUp();
    await db.update(syncRuns).set({ leaseOwner: "other" }).where(eq(syncRuns.id, run.id));
    await expect(commitSyncPages(db, batch(), fixedSizer())).rejects.toBeInstanceOf(SyncLeaseLostError);
    expect(await countOrganizationCalls(db, organizationId)).toBe(0);
    expect(await getSyncRun(db, organizationId, run.id)).toMatchObject({ cursor: null, pages: 0, callsAdded: 0 });
  });

  it("on SQLite keeps the steps committed before the run was taken over, counted, with the checkpoint where it was", async () => {
    const { db, organizationId, run, batch } = await setUp();
    let steal: Promise<unknown> | null = null;
    const sizer = fixedSizer((step) => {
      if (step === 1) steal = db.update(syncRuns).set({ leaseOwner: "other" }).where(eq(syncRuns.id, run.id)).execute();
    });
    const outcome = commitSyncPages(db, batch(), sizer);
    if (db.$engine === "sqlite") {
      await expect(outcome).rejects.toBeInstanceOf(SyncLeaseLostError);
      await steal;
      expect(await countOrganizationCalls(db, organizationId)).toBe(25);
      expect(await getSyncRun(db, organizationId, run.id)).toMatchObject({ cursor: null, pages: 0, callsSeen: 0, callsAdded: 25, leaseOwner: "other" });
    } else {
      // One transaction, not timed in steps: nothing steals the run midway.
      expect(await outcome).toEqual({ added: 60, updated: 0 });
      expect(steal).toBeNull();
    }
  });
});
