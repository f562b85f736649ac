import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { upsertDialpadConnection } from "@/db/queries/dialpad-connections";
import { getOrganizationById } from "@/db/queries/organizations";
import { getRunningSyncRun, insertSyncRun, saveSyncSettings } from "@/db/queries/sync";
import { insertWebhookEvent } from "@/db/queries/webhook-inbox";
import { createTestDb } from "@/tests/db";
import { createOrganization, createUser } from "@/tests/factories";
import { cleanUpSyncAfterDisconnect } from "./connection-lifecycle";
import { prepareNextRun } from "./plan-run";
import { updateSyncSettings } from "./sync-settings";

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
// Wednesday 11 March 2026, 11:00 in New York (EDT): a working hour of a Monday–Friday week.
const connectedAt = Date.UTC(2026, 2, 11, 15);

async function setUp(options: { hasWebhook?: boolean } = {}) {
  const db = await createTestDb();
  const organization = await createOrganization(db, { timezone: "America/New_York", workWeek: "1,2,3,4,5" });
  const hasWebhook = options.hasWebhook ?? true;
  await upsertDialpadConnection(db, {
    organizationId: organization.id,
    status: "connected",
    dialpadCompanyId: "1",
    companyName: "Acme",
    companyDomain: organization.domain,
    connectedByName: "Dana Admin",
    connectedAt,
    webhookId: hasWebhook ? "w1" : null,
    subscriptionId: hasWebhook ? "s1" : null,
    updatedAt: connectedAt,
  });
  return { db, organizationId: organization.id };
}

type PastRun = { kind: "backfill" | "incremental"; rangeStart: number; rangeEnd: number; callsAdded?: number };

/** A succeeded run that started at its range end. */
async function recordRun(db: Db, organizationId: number, run: PastRun) {
  await insertSyncRun(db, {
    organizationId, kind: run.kind, trigger: "schedule", status: "succeeded", rangeStart: run.rangeStart, rangeEnd: run.rangeEnd,
    windowEnd: run.rangeStart, windowsTotal: 1, windowsDone: 1, callsAdded: run.callsAdded ?? 0, activeSince: run.rangeEnd,
    startedAt: run.rangeEnd, finishedAt: run.rangeEnd + 60_000, updatedAt: run.rangeEnd + 60_000,
  });
}

async function nextRange(db: Db, organizationId: number, now: number, trigger: "schedule" | "connect" = "schedule") {
  const next = await prepareNextRun(db, organizationId, { trigger, now });
  if (!("run" in next)) return next;
  const { kind, rangeStart, rangeEnd } = next.run;
  return { kind, fromHoursAgo: (now - rangeStart) / hourMs, toHoursAgo: (now - rangeEnd) / hourMs };
}

const webhookEvent = (db: Db, organizationId: number, receivedAt: number) =>
  insertWebhookEvent(db, { organizationId, eventKey: `e${receivedAt}`, payload: "{}", receivedAt });

describe("prepareNextRun: how far back", () => {
  it("fetches the older days on their own when the backfill setting is raised", async () => {
    const { db, organizationId } = await setUp();
    await recordRun(db, organizationId, { kind: "backfill", rangeStart: connectedAt - 30 * dayMs, rangeEnd: connectedAt });
    const later = connectedAt + 6 * hourMs;
    await saveSyncSettings(db, organizationId, { backfillDays: 90, intervalMinutes: 5, trailingWindowHours: 48 }, later);

    const next = await prepareNextRun(db, organizationId, { trigger: "schedule", now: later });
    expect("run" in next && next.run).toMatchObject({ kind: "backfill", rangeStart: later - 90 * dayMs, rangeEnd: connectedAt - 30 * dayMs });
  });

  it("starts reading the older days as soon as a raised backfill setting is saved", async () => {
    const { db, organizationId } = await setUp();
    const ada = await createUser(db, (await getOrganizationById(db, organizationId))!, { role: "admin", name: "Ada" });
    await recordRun(db, organizationId, { kind: "backfill", rangeStart: connectedAt - 30 * dayMs, rangeEnd: connectedAt });
    const savedAt = connectedAt + hourMs;
    const viewer = { organizationId, userId: ada.id, name: "Ada", role: "admin" as const };
    await updateSyncSettings(db, viewer, { backfillDays: 45, intervalMinutes: 5, trailingWindowHours: 48 }, { now: savedAt, launch: false });

    expect(await getRunningSyncRun(db, organizationId)).toMatchObject({
      kind: "backfill", trigger: "admin", rangeStart: savedAt - 45 * dayMs, rangeEnd: connectedAt - 30 * dayMs,
    });
  });

  it("backfills in full again after the call data was deleted and Dialpad reconnected", async () => {
    const { db, organizationId } = await setUp();
    await recordRun(db, organizationId, { kind: "backfill", rangeStart: connectedAt - 30 * dayMs, rangeEnd: connectedAt });
    await recordRun(db, organizationId, { kind: "incremental", rangeStart: connectedAt - 2 * hourMs, rangeEnd: connectedAt + dayMs });
    await cleanUpSyncAfterDisconnect(db, organizationId, { deleteCallData: true, now: connectedAt + 2 * dayMs });

    const reconnectedAt = connectedAt + 3 * dayMs;
    expect(await nextRange(db, organizationId, reconnectedAt, "connect")).toEqual({ kind: "backfill", fromHoursAgo: 30 * 24, toHoursAgo: 0 });
  });
});

describe("prepareNextRun: the window a scheduled sync re-reads", () => {
  it("re-reads 2 hours while webhooks are healthy", async () => {
    const { db, organizationId } = await setUp();
    await recordRun(db, organizationId, { kind: "backfill", rangeStart: connectedAt - 30 * dayMs, rangeEnd: connectedAt });
    await recordRun(db, organizationId, { kind: "incremental", rangeStart: connectedAt + 3 * hourMs, rangeEnd: connectedAt + 5 * hourMs });
    const now = connectedAt + 5 * hourMs + 5 * 60_000;
    await webhookEvent(db, organizationId, now - 10 * 60_000);
    // From 2 hours before the end of the last run: nothing between runs is skipped.
    expect(await nextRange(db, organizationId, now)).toEqual({ kind: "incremental", fromHoursAgo: 2 + 5 / 60, toHoursAgo: 0 });
  });

  it("re-reads the full 48 hours once a day even while webhooks are healthy", async () => {
    const { db, organizationId } = await setUp();
    await recordRun(db, organizationId, { kind: "backfill", rangeStart: connectedAt - 30 * dayMs, rangeEnd: connectedAt });
    const aDayLater = connectedAt + dayMs;
    await recordRun(db, organizationId, { kind: "incremental", rangeStart: aDayLater - 2 * hourMs - 5 * 60_000, rangeEnd: aDayLater - 5 * 60_000 });
    await webhookEvent(db, organizationId, aDayLater - 60_000);
    expect(await nextRange(db, organizationId, aDayLater)).toEqual({ kind: "incremental", fromHoursAgo: 48 + 5 / 60, toHoursAgo: 0 });
  });

  it("reads the full 48 hours while no webhook is registered", async () => {
    const { db, organizationId } = await setUp({ hasWebhook: false });
    await recordRun(db, organizationId, { kind: "backfill", rangeStart: connectedAt - 30 * dayMs, rangeEnd: connectedAt });
    expect(await nextRange(db, organizationId, connectedAt + hourMs)).toEqual({ kind: "incremental", fromHoursAgo: 49, toHoursAgo: 0 });
  });

  it("widens to 48 hours when webhooks fall silent for 2 hours during working hours", async () => {
    const { db, organizationId } = await setUp();
    await recordRun(db, organizationId, { kind: "backfill", rangeStart: connectedAt - 30 * dayMs, rangeEnd: connectedAt });
    await webhookEvent(db, organizationId, connectedAt);
    await recordRun(db, organizationId, { kind: "incremental", rangeStart: connectedAt + hourMs, rangeEnd: connectedAt + 3 * hourMs });
    // 14:10 in New York, the last event at 11:00.
    const afternoon = connectedAt + 3 * hourMs + 10 * 60_000;
    expect(await nextRange(db, organizationId, afternoon)).toEqual({ kind: "incremental", fromHoursAgo: 48 + 10 / 60, toHoursAgo: 0 });
  });

  it("keeps re-reading 2 hours through a quiet night", async () => {
    const { db, organizationId } = await setUp();
    await recordRun(db, organizationId, { kind: "backfill", rangeStart: connectedAt - 30 * dayMs, rangeEnd: connectedAt });
    await webhookEvent(db, organizationId, connectedAt);
    // 23:10 in New York after a short re-read at 23:00, the last event at 11:00: nobody is expected to call.
    await recordRun(db, organizationId, { kind: "incremental", rangeStart: connectedAt + 10 * hourMs, rangeEnd: connectedAt + 12 * hourMs });
    const night = connectedAt + 12 * hourMs + 10 * 60_000;
    expect(await nextRange(db, organizationId, night)).toEqual({ kind: "incremental", fromHoursAgo: 2 + 10 / 60, toHoursAgo: 0 });
  });

  it("widens to 48 hours after a short re-read found calls the webhooks missed", async () => {
    const { db, organizationId } = await setUp();
    await recordRun(db, organizationId, { kind: "backfill", rangeStart: connectedAt - 30 * dayMs, rangeEnd: connectedAt });
    await recordRun(db, organizationId, { kind: "incremental", rangeStart: connectedAt - hourMs, rangeEnd: connectedAt + hourMs, callsAdded: 3 });
    await webhookEvent(db, organizationId, connectedAt + hourMs);
    expect(await nextRange(db, organizationId, connectedAt + hourMs + 10 * 60_000)).toEqual({ kind: "incremental", fromHoursAgo: 48 + 10 / 60, toHoursAgo: 0 });
  });
});
