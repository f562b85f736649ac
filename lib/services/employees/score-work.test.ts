// Score work for employee edits and imports is queued in the same transaction as the change and
// runs in the background: the change returns with it queued, a failure inside the transaction leaves neither.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { getActiveEngine } from "@/db/engine";
import { getEmployeeByEmail, getEmployeeById } from "@/db/queries/employees";
import { insertQueueRows, listQueueRows } from "@/db/queries/score-queue";
import type { Employee, Organization } from "@/db/schema";
import type { Viewer } from "@/lib/services/access/viewer";
import { scheduleScoreDrain } from "@/lib/services/scores/schedule-score-drain";
import { createTestDb } from "@/tests/db";
import { createEmployee, createOrganization, createViewer } from "@/tests/factories";
import { employeeInputSchema } from "./employee-schemas";
import { importEmployees } from "./import-employees";
import { updateEmployeeDetails } from "./save-employee";

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
let ann: Employee;
beforeEach(async () => {
  vi.mocked(scheduleScoreDrain).mockClear();
  db = await createTestDb();
  org = await createOrganization(db, { domain: "acme.test" });
  admin = (await createViewer(db, org, { role: "admin", hasEmployee: false })).viewer;
  ann = await createEmployee(db, org, { name: "Ann", email: "ann@acme.test", timezone: null, title: "Closer" });
});

const annInput = (changes: Record<string, string>) =>
  employeeInputSchema.parse({ name: "Ann", email: "ann@acme.test", phone: "", timezone: "", title: "Closer", managerId: "", ...changes });
/** The queue insert succeeds, then the transaction fails: both must be rolled back. */
const failAfterQueueing = () =>
  vi.mocked(insertQueueRows).mockImplementationOnce(async (tx, organizationId, rows) => {
    await realInsertQueueRows(tx, organizationId, rows);
    throw new Error("fails after queueing");
  });
const queued = async () => (await listQueueRows(db, org.id)).map((row) => [row.kind, row.employeeId]);

describe(`score work for employee changes on ${getActiveEngine()}`, () => {
  it.each([
    ["time zone", { timezone: "Asia/Tokyo" }, { timezone: "Asia/Tokyo" }],
    ["title (role)", { title: "Manager" }, { title: "Manager" }],
  ])("commits a new %s and returns with the employee's recompute queued for a background drain", async (_, input, stored) => {
    await updateEmployeeDetails(db, admin, ann.id, annInput(input));
    expect(scheduleScoreDrain).toHaveBeenCalledWith(db, org.id);
    expect(await getEmployeeById(db, { organizationId: org.id, employeeId: ann.id })).toMatchObject(stored);
    expect(await queued()).toEqual([["employee", ann.id]]);
  });

  it("queues nothing when neither the time zone nor the role changes", async () => {
    await updateEmployeeDetails(db, admin, ann.id, annInput({ name: "Ann Lee", title: " Closer " }));
    expect(await queued()).toEqual([]);
    expect(scheduleScoreDrain).not.toHaveBeenCalled();
  });

  it("leaves neither the edit nor its queue row when the transaction fails", async () => {
    failAfterQueueing();
    await expect(updateEmployeeDetails(db, admin, ann.id, annInput({ timezone: "Asia/Tokyo" }))).rejects.toThrow("fails after queueing");
    expect(await getEmployeeById(db, { organizationId: org.id, employeeId: ann.id })).toMatchObject({ timezone: null });
    expect(await queued()).toEqual([]);
  });

  it("commits an import with a recompute queued for each employee whose time zone or role it changed", async () => {
    const bo = await createEmployee(db, org, { name: "Bo", email: "bo@acme.test", title: "Closer" });
    const csv = "name,email,phone,timezone,title,manager_email\nAnn,ann@acme.test,,Europe/Paris,Closer,\nBo,bo@acme.test,,,Closer,\nCy,cy@acme.test,,,,";
    await importEmployees(db, admin, csv);
    expect(scheduleScoreDrain).toHaveBeenCalledWith(db, org.id);
    expect(await getEmployeeById(db, { organizationId: org.id, employeeId: ann.id })).toMatchObject({ timezone: "Europe/Paris" });
    expect(await getEmployeeById(db, { organizationId: org.id, employeeId: bo.id })).toMatchObject({ title: "Closer" });
    expect(await queued()).toEqual([["employee", ann.id]]);
  });

  it("leaves neither the import nor its queue rows when the transaction fails", async () => {
    const csv = "name,email,phone,timezone,title,manager_email\nAnn,ann@acme.test,,Europe/Paris,Closer,\nCy,cy@acme.test,,,,";
    failAfterQueueing();
    await expect(importEmployees(db, admin, csv)).rejects.toThrow("fails after queueing");
    expect(await getEmployeeById(db, { organizationId: org.id, employeeId: ann.id })).toMatchObject({ timezone: null });
    expect(await getEmployeeByEmail(db, { organizationId: org.id, email: "cy@acme.test" })).toBeUndefined();
    expect(await queued()).toEqual([]);
  });
});
