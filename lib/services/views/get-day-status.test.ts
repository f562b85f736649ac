import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { upsertDialpadConnection, updateDialpadConnection } from "@/db/queries/dialpad-connections";
import { insertSyncRun } from "@/db/queries/sync";
import type { Organization } from "@/db/schema";
import { getLocalDayBounds } from "@/lib/dates";
import { createTestDb } from "@/tests/db";
import { createOrganization } from "@/tests/factories";
import { getDayStatus } from "./get-day-status";

const bounds = getLocalDayBounds("2026-03-10", "UTC");
const now = bounds.end + 3_600_000;
let db: Db;
let org: Organization;

beforeEach(async () => {
  db = await createTestDb();
  org = await createOrganization(db);
});

async function connect(lastSyncAt: number | null) {
  await upsertDialpadConnection(db, {
    organizationId: org.id, status: "connected", dialpadCompanyId: "c1", companyName: "Co", companyDomain: org.domain,
    connectedByName: "Ada", connectedAt: 0, lastSyncAt, updatedAt: 0,
  });
}

async function addRun(fields: { status: "running" | "succeeded"; rangeStart: number; rangeEnd: number; windowEnd: number }) {
  await insertSyncRun(db, { organizationId: org.id, kind: "backfill", trigger: "connect", windowsTotal: 1, activeSince: 0, startedAt: 0, updatedAt: 0, ...fields });
}

const status = (params: { isMapped?: boolean; at?: number; day?: typeof bounds } = {}) =>
  getDayStatus(db, { organizationId: org.id, isMapped: params.isMapped ?? true, bounds: params.day ?? bounds, now: params.at ?? now });

describe("getDayStatus", () => {
  it("explains an empty day in the order a person would check", async () => {
    expect(await status({ at: bounds.start - 1 })).toEqual({ kind: "future" });
    expect(await status({ isMapped: false })).toEqual({ kind: "not_mapped" });
    expect(await status()).toEqual({ kind: "not_connected" });
    await connect(null);
    expect(await status()).toEqual({ kind: "not_synced_yet", historyStart: null });
  });

  it("is in progress while a running sync has not yet read past the day", async () => {
    await connect(null);
    await addRun({ status: "running", rangeStart: bounds.start - 86_400_000, rangeEnd: now, windowEnd: bounds.end });
    expect(await status()).toEqual({ kind: "sync_in_progress" });
  });

  it("is complete once a sync finished after the day, partial when it finished during it", async () => {
    await connect(now);
    await addRun({ status: "succeeded", rangeStart: bounds.start - 86_400_000, rangeEnd: now, windowEnd: bounds.start - 86_400_000 });
    expect(await status()).toEqual({ kind: "complete", lastSyncAt: now });
    await updateDialpadConnection(db, org.id, { lastSyncAt: bounds.start + 1_000 });
    expect(await status()).toEqual({ kind: "partial", lastSyncAt: bounds.start + 1_000 });
  });

  it("says a day before the synced history was never fetched", async () => {
    await connect(now);
    await addRun({ status: "succeeded", rangeStart: bounds.end, rangeEnd: now, windowEnd: bounds.end });
    expect(await status()).toEqual({ kind: "not_synced_yet", historyStart: bounds.end });
  });
});
