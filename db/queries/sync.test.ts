import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "@/db/client";
import { getActiveEngine } from "@/db/engine";
import type { NewSyncRun } from "@/db/schema";
import { createTestDb, testDatabaseUrl } from "@/tests/db";
import { createOrganization } from "@/tests/factories";
import { claimSyncRun, finishSyncRun, getRunningSyncRun, getSyncRun, insertSyncRun, renewSyncRunLease } from "./sync";

const others: Db[] = [];
afterEach(async () => {
  for (const other of others.splice(0)) await closeDatabase(other);
});

const newRun = (organizationId: number, now: number): NewSyncRun => ({
  organizationId, kind: "backfill", trigger: "admin", status: "running", rangeStart: 0, rangeEnd: 86_400_000,
  windowEnd: 86_400_000, windowsTotal: 1, activeSince: now, startedAt: now, updatedAt: now,
});

describe(`sync run leases on ${getActiveEngine()}`, () => {
  it("a run nobody holds goes to exactly one of many processes claiming it at once", async () => {
    const db = await createTestDb();
    const handles = [db, openDatabase(testDatabaseUrl(db))];
    others.push(handles[1]!);
    const { id: organizationId } = await createOrganization(db);
    const run = (await insertSyncRun(db, newRun(organizationId, 1_000)))!;
    expect(await insertSyncRun(db, newRun(organizationId, 1_000))).toBeNull();

    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) => claimSyncRun(handles[i % 2]!, { organizationId, id: run.id, owner: `p${i}`, now: 5_000, leaseMs: 60_000 })),
    );
    const winners = claims.filter((claimed) => claimed !== undefined);
    expect(winners).toHaveLength(1);
    expect((await getRunningSyncRun(db, organizationId))?.leaseOwner).toBe(winners[0]!.leaseOwner);
  });

  it("does not resume a failed run while another run of the organization is running", async () => {
    const db = await createTestDb();
    const { id: organizationId } = await createOrganization(db);
    const failed = (await insertSyncRun(db, newRun(organizationId, 1_000)))!;
    await claimSyncRun(db, { organizationId, id: failed.id, owner: "a", now: 1_000, leaseMs: 60_000 });
    await finishSyncRun(db, { organizationId, id: failed.id, owner: "a" }, { status: "failed", errorMessage: "x", isRetryable: true, errorCount: 1, usage: { requestCount: 1, retryCount: 0, busyMs: 1_000 }, now: 2_000 });
    const running = (await insertSyncRun(db, newRun(organizationId, 3_000)))!;

    expect(await claimSyncRun(db, { organizationId, id: failed.id, owner: "b", now: 4_000, leaseMs: 60_000 })).toBeUndefined();
    expect((await getRunningSyncRun(db, organizationId))?.id).toBe(running.id);
  });

  it("a run is claimed, renewed, finished and read only under its own organization", async () => {
    const db = await createTestDb();
    const { id: organizationId } = await createOrganization(db);
    const { id: otherId } = await createOrganization(db);
    const run = (await insertSyncRun(db, newRun(organizationId, 1_000)))!;
    const usage = { requestCount: 1, retryCount: 0, busyMs: 1_000 };

    expect(await claimSyncRun(db, { organizationId: otherId, id: run.id, owner: "b", now: 5_000, leaseMs: 60_000 })).toBeUndefined();
    expect(await getSyncRun(db, otherId, run.id)).toBeUndefined();
    expect(await claimSyncRun(db, { organizationId, id: run.id, owner: "a", now: 5_000, leaseMs: 60_000 })).toMatchObject({ leaseOwner: "a" });
    expect(await renewSyncRunLease(db, { organizationId: otherId, id: run.id, owner: "a", now: 6_000, leaseMs: 60_000 })).toBe(false);
    const outcome = { status: "succeeded" as const, errorMessage: null, isRetryable: false, errorCount: 0, usage, now: 7_000 };
    expect(await finishSyncRun(db, { organizationId: otherId, id: run.id, owner: "a" }, outcome)).toBe(false);
    expect(await getSyncRun(db, organizationId, run.id)).toMatchObject({ status: "running", leaseOwner: "a", leaseUntil: 65_000 });
    expect(await finishSyncRun(db, { organizationId, id: run.id, owner: "a" }, outcome)).toBe(true);
  });
});
