// Score work for organization settings is queued in the same transaction as the change and runs
// in the background: the change returns with it queued, a failure inside the transaction leaves neither.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { getActiveEngine } from "@/db/engine";
import { getOrganizationById } from "@/db/queries/organizations";
import { insertQueueRows, listQueueRows } from "@/db/queries/score-queue";
import { listStoredRoles } from "@/db/queries/score-role-rows";
import type { Employee, Organization } from "@/db/schema";
import type { Viewer } from "@/lib/services/access/viewer";
import { drainScoreQueue } from "@/lib/services/scores/drain-score-queue";
import { scheduleScoreDrain } from "@/lib/services/scores/schedule-score-drain";
import { linkEmployee, MIN, storeLegs } from "@/lib/services/scores/testing";
import { createTestDb } from "@/tests/db";
import { createEmployee, createOrganization, createViewer } from "@/tests/factories";
import { organizationSettingsSchema } from "./organization-schemas";
import { updateOrganizationSettings } from "./update-organization-settings";

// The background drain never starts here: what the change leaves behind is exactly what it queued.
vi.mock("@/lib/services/scores/schedule-score-drain", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/services/scores/schedule-score-drain")>();
  return { ...actual, scheduleScoreDrain: vi.fn() };
});
vi.mock("@/db/queries/score-queue", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/db/queries/score-queue")>();
  return { ...actual, insertQueueRows: vi.fn(actual.insertQueueRows) };
});
const realInsertQueueRows = (await vi.importActual<typeof import("@/db/queries/score-queue")>("@/db/queries/score-queue")).insertQueueRows;

let db: Db;
let org: Organization;
let admin: Viewer;
let employees: Employee[];
beforeEach(async () => {
  db = await createTestDb();
  org = await createOrganization(db, { domain: "acme.test", timezone: "America/New_York", dayStartHour: 0, workWeek: "1,2,3,4,5" });
  admin = (await createViewer(db, org, { role: "admin", hasEmployee: false })).viewer;
  employees = [await createEmployee(db, org, { title: "Closer" }), await createEmployee(db, org, { title: null })];
  // Stored scores, so there are roles to rescore; the real drain computes them and empties the queue.
  for (const [index, employee] of employees.entries()) {
    await linkEmployee(db, employee, `u${index}`);
    const at = Date.parse("2026-03-10T15:00:00Z");
    await storeLegs(db, org.id, [{ dialpadCallId: `c${index}`, dialpadUserId: `u${index}`, startedAt: at, connectedAt: at, endedAt: at + 5 * MIN }]);
  }
  await drainScoreQueue(db, org.id);
  expect(await listQueueRows(db, org.id)).toEqual([]);
  vi.mocked(scheduleScoreDrain).mockClear();
});

const settings = (changes: Record<string, unknown>) =>
  organizationSettingsSchema.parse({ name: org.name, timezone: "America/New_York", countryCode: "US", dayStartHour: "0", workWeek: ["1", "2", "3", "4", "5"], ...changes });
const queued = async () => (await listQueueRows(db, org.id)).map((row) => [row.kind, row.kind === "role" ? row.role : row.employeeId]);
const everyEmployee = () => employees.map((employee) => ["employee", employee.id]);

describe(`score work for organization settings on ${getActiveEngine()}`, () => {
  it.each([
    ["time zone", { timezone: "Asia/Tokyo" }, { timezone: "Asia/Tokyo" }],
    ["day start hour", { dayStartHour: "4" }, { dayStartHour: 4 }],
  ])("commits a new %s and returns with every employee's recompute queued for a background drain", async (_, changes, stored) => {
    await updateOrganizationSettings(db, admin, settings(changes));
    expect(scheduleScoreDrain).toHaveBeenCalledWith(db, org.id);
    expect(await getOrganizationById(db, org.id)).toMatchObject(stored);
    expect(await queued()).toEqual(everyEmployee());
  });

  it("commits a new work week and returns with every stored role's rescore queued for a background drain", async () => {
    const roles = await listStoredRoles(db, org.id);
    expect(roles.length).toBeGreaterThan(0);
    await updateOrganizationSettings(db, admin, settings({ workWeek: ["1", "2", "3", "4", "5", "6"] }));
    expect(scheduleScoreDrain).toHaveBeenCalledWith(db, org.id);
    expect(await getOrganizationById(db, org.id)).toMatchObject({ workWeek: "1,2,3,4,5,6" });
    expect((await queued()).sort()).toEqual(roles.map((role) => ["role", role]).sort());
  });

  it("queues nothing for a new name or country", async () => {
    await updateOrganizationSettings(db, admin, settings({ name: "Acme Two", countryCode: "GB" }));
    expect(await queued()).toEqual([]);
    expect(scheduleScoreDrain).not.toHaveBeenCalled();
  });

  it.each([
    ["time zone", { timezone: "Asia/Tokyo" }],
    ["work week", { workWeek: ["1"] }],
  ])("leaves neither a new %s nor its queue rows when the transaction fails", async (_, changes) => {
    vi.mocked(insertQueueRows).mockImplementationOnce(async (tx, organizationId, rows) => {
      await realInsertQueueRows(tx, organizationId, rows);
      throw new Error("fails after queueing");
    });
    await expect(updateOrganizationSettings(db, admin, settings(changes))).rejects.toThrow("fails after queueing");
    expect(await getOrganizationById(db, org.id)).toMatchObject({ timezone: "America/New_York", workWeek: "1,2,3,4,5" });
    expect(await queued()).toEqual([]);
  });
});
