import { afterEach, describe, expect, it, vi } from "vitest";
import { listQueueRows } from "@/db/queries/score-queue";
import { createEmployee, createOrganization } from "@/tests/factories";
import { createTestDb } from "@/tests/db";
import { drainScoreQueue } from "./drain-score-queue";
import { MIN, linkEmployee, readDays, storeLegs, utc } from "./testing";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("drainScoreQueue", () => {
  it("logs an employee it cannot score, keeps its work for the next try, and still scores everyone else", async () => {
    const db = await createTestDb();
    const organization = await createOrganization(db);
    const broken = await createEmployee(db, organization, { timezone: "Mars/Olympus_Mons" }); // stored before validation existed
    const fine = await createEmployee(db, organization);
    await linkEmployee(db, broken, "b");
    await linkEmployee(db, fine, "f");
    const at = utc("2026-03-10T15:00:00Z");
    await storeLegs(db, organization.id, [
      { dialpadCallId: "1", dialpadUserId: "b", startedAt: at, connectedAt: at, endedAt: at + 5 * MIN },
      { dialpadCallId: "2", dialpadUserId: "f", startedAt: at, connectedAt: at, endedAt: at + 5 * MIN },
    ]);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});

    await drainScoreQueue(db, organization.id);

    expect((await readDays(db, fine)).map((d) => [d.dayKey, d.talkMs / MIN])).toEqual([["2026-03-10", 5]]);
    expect(await readDays(db, broken)).toEqual([]);
    expect(logged).toHaveBeenCalledWith(`[scores] recompute failed for employee ${broken.id}: RangeError: Unknown time zone: Mars/Olympus_Mons`);
    const queued = await listQueueRows(db, organization.id);
    // Its mapping's row and its calls' row: one unit of work, one try each.
    expect(queued.map((row) => [row.kind, row.employeeId ?? row.dialpadUserId, row.attempts, row.failedAt]).sort()).toEqual([
      ["calls", "b", 1, null],
      ["employee", broken.id, 1, null],
    ]);
  });
});
