import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { CallRow, Employee, Organization } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { buildLeg, insertLegs, linkEmployee, scoreQueuedDays } from "@/lib/services/views/testing/arrange-day";
import { createTestDb } from "@/tests/db";
import { createEmployee, createOrganization } from "@/tests/factories";
import { listPossibleDayKeys } from "./call-entry-keys";
import { deleteCallByDialpadId, deleteOrganizationCallData } from "./calls";
import { deleteCallsStartedBefore } from "./privacy-retention";
import { listOrganizationScores } from "./scores";

// Entries have no foreign key to calls (issue 17): every path that deletes calls deletes their entries
// in the same transaction, before any recompute runs.
let db: Db;
let org: Organization;
let ny: Employee;
let kiri: Employee;
let legs: { nyLate: CallRow; nyNoon: CallRow; kiriLate: CallRow };

const minute = 60_000;

async function listEntryKeys(): Promise<[number, string, number][]> {
  const { entries } = await listOrganizationScores(db, org.id);
  return entries.map((entry) => [entry.employeeId, entry.dayKey, entry.callId]);
}

beforeEach(async () => {
  db = await createTestDb();
  org = await createOrganization(db, { timezone: "America/New_York" });
  ny = await createEmployee(db, org, { name: "Nora York" });
  kiri = await createEmployee(db, org, { name: "Kiri Ahead", timezone: "Pacific/Kiritimati" });
  await linkEmployee(db, ny, "u-ny");
  await linkEmployee(db, kiri, "u-kiri");
  const nyLate = Date.UTC(2026, 2, 11, 3, 30); // 23:30 in New York, to 00:30
  const nyNoon = Date.UTC(2026, 2, 11, 16, 0);
  const kiriLate = Date.UTC(2026, 2, 11, 9, 30); // 23:30 in Kiritimati (UTC+14), to 00:45
  const [a, b, c] = await insertLegs(db, org.id, [
    buildLeg("u-ny", { startedAt: nyLate, connectedAt: nyLate, endedAt: nyLate + 60 * minute, direction: "outbound" }),
    buildLeg("u-ny", { startedAt: nyNoon, connectedAt: nyNoon, endedAt: nyNoon + 10 * minute, direction: "outbound" }),
    buildLeg("u-kiri", { startedAt: kiriLate, connectedAt: kiriLate, endedAt: kiriLate + 75 * minute, direction: "outbound" }),
  ]);
  legs = { nyLate: a!, nyNoon: b!, kiriLate: c! };
  await scoreQueuedDays(db, org.id);
});

describe("deleting calls deletes their call-day entries", () => {
  it("files a midnight-crossing call under both local days, within its possible day keys", async () => {
    expect(await listEntryKeys()).toEqual([
      [ny.id, "2026-03-10", legs.nyLate.id],
      [ny.id, "2026-03-11", legs.nyLate.id],
      [ny.id, "2026-03-11", legs.nyNoon.id],
      [kiri.id, "2026-03-11", legs.kiriLate.id],
      [kiri.id, "2026-03-12", legs.kiriLate.id],
    ]);
    expect(listPossibleDayKeys(legs.kiriLate)).toEqual(["2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13"]);
  });

  it("one leg: its entries on both days go, the employee's other call keeps its own", async () => {
    expect(await deleteCallByDialpadId(db, org.id, legs.nyLate.dialpadCallId)).toBe(true);
    expect(await listEntryKeys()).toEqual([
      [ny.id, "2026-03-11", legs.nyNoon.id],
      [kiri.id, "2026-03-11", legs.kiriLate.id],
      [kiri.id, "2026-03-12", legs.kiriLate.id],
    ]);
  });

  it("the retention purge: legs started before the cut-off take their entries with them", async () => {
    const deleted = await withTransaction(db, (tx) =>
      deleteCallsStartedBefore(tx, { organizationId: org.id, before: legs.nyNoon.startedAt, limit: 10 }),
    );
    expect(deleted).toBe(2);
    expect(await listEntryKeys()).toEqual([[ny.id, "2026-03-11", legs.nyNoon.id]]);
  });

  it("disconnecting with delete: every leg and every entry of the organization goes, chunk by chunk", async () => {
    await deleteOrganizationCallData(db, org.id, 2);
    expect(await listEntryKeys()).toEqual([]);
  });

  it("never reuses a deleted call's id, so no entry could match a later call", async () => {
    await deleteCallByDialpadId(db, org.id, legs.kiriLate.dialpadCallId);
    const [next] = await insertLegs(db, org.id, [buildLeg("u-kiri", { startedAt: legs.kiriLate.startedAt })]);
    expect(next!.id).toBe(legs.kiriLate.id + 1);
  });
});
