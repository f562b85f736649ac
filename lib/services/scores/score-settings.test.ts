import { afterEach, describe, expect, it, vi } from "vitest";
import * as queueQueries from "@/db/queries/score-queue";
import { listQueueRows } from "@/db/queries/score-queue";
import { listScoreSettings } from "@/db/queries/scores";
import { createOrganization, createViewer } from "@/tests/factories";
import { createTestDb } from "@/tests/db";
import * as schedule from "./schedule-score-drain";
import { resetRoleScoreSettings, updateScoreSettings } from "./score-settings";

afterEach(() => {
  vi.restoreAllMocks();
});

const sales = { role: "Sales", talkTimeWeight: 1, connectedCallsWeight: 0, talkTimeTargetMinutes: 30, connectedCallsTarget: 5 };

async function setUp() {
  const db = await createTestDb();
  const organization = await createOrganization(db);
  const { viewer: admin } = await createViewer(db, organization, { role: "admin", hasEmployee: false });
  const queued = async () => (await listQueueRows(db, organization.id)).map((row) => [row.kind, row.role, row.fromDay, row.toDay]);
  const settings = async () => (await listScoreSettings(db, organization.id)).map((row) => [row.role, row.talkTimeWeight]);
  return { db, organization, admin, queued, settings };
}

describe("score settings and their rescoring", () => {
  it("commit together: the saved settings and the queued rescore of the role", async () => {
    const { db, admin, queued, settings } = await setUp();
    const scheduled = vi.spyOn(schedule, "scheduleScoreDrain").mockReturnValue(); // leave the queue as the transaction left it
    await updateScoreSettings(db, admin, sales);
    expect(await settings()).toEqual([["Sales", 1]]);
    expect(await queued()).toEqual([["role", "Sales", null, null]]);
    expect(scheduled).toHaveBeenCalledWith(db, admin.organizationId);
    await resetRoleScoreSettings(db, admin, "Sales");
    expect(await settings()).toEqual([]);
    expect(await queued()).toEqual([["role", "Sales", null, null], ["role", "Sales", null, null]]);
  });

  it("keep neither the settings nor the queue row when queueing fails", async () => {
    const { db, admin, queued, settings } = await setUp();
    vi.spyOn(schedule, "scheduleScoreDrain").mockReturnValue();
    vi.spyOn(queueQueries, "insertQueueRows").mockRejectedValueOnce(new Error("queue unavailable"));
    await expect(updateScoreSettings(db, admin, sales)).rejects.toThrow("queue unavailable");
    expect(await settings()).toEqual([]);
    expect(await queued()).toEqual([]);

    await updateScoreSettings(db, admin, sales);
    vi.spyOn(queueQueries, "insertQueueRows").mockRejectedValueOnce(new Error("queue unavailable"));
    await expect(resetRoleScoreSettings(db, admin, "Sales")).rejects.toThrow("queue unavailable");
    expect(await settings()).toEqual([["Sales", 1]]);
    expect(await queued()).toEqual([["role", "Sales", null, null]]); // the saved update's rescore only
  });
});
