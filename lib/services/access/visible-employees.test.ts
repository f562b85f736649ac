import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Employee, Organization } from "@/db/schema";
import { createEmployee, createOrganization, createViewer } from "@/tests/factories";
import { createTestDb } from "@/tests/db";
import type { Viewer } from "./viewer";
import { getVisibleEmployee, listVisibleEmployees } from "./visible-employees";

let db: Db;
let org: Organization;
let admin: Viewer;
let manager: Viewer;
let managerEmployee: Employee;
let report: Employee;
let formerReport: Employee;
let grandReport: Employee;
let peer: Employee;
let foreign: Employee;

beforeEach(async () => {
  db = await createTestDb();
  org = await createOrganization(db);
  ({ viewer: admin } = await createViewer(db, org, { role: "admin", hasEmployee: false }));
  const created = await createViewer(db, org, { role: "manager", name: "Mia Manager" });
  manager = created.viewer;
  managerEmployee = created.employee!;
  report = await createEmployee(db, org, { name: "Rae Report", managerId: managerEmployee.id });
  formerReport = await createEmployee(db, org, { name: "Fay Former", managerId: managerEmployee.id, isActive: false });
  grandReport = await createEmployee(db, org, { name: "Gus Grand", managerId: report.id });
  peer = await createEmployee(db, org, { name: "Pat Peer" });
  const otherOrg = await createOrganization(db);
  foreign = await createEmployee(db, otherOrg, { name: "Fox Foreign" });
});

const names = (list: Employee[]) => list.map((e) => e.name);

describe("listVisibleEmployees", () => {
  it("shows an admin every active employee of their organization only", async () => {
    expect(names(await listVisibleEmployees(db, admin))).toEqual(["Gus Grand", "Mia Manager", "Pat Peer", "Rae Report"]);
    expect(names(await listVisibleEmployees(db, admin, { includeInactive: true }))).toContain("Fay Former");
  });

  it("shows a manager themselves and their direct reports, not their reports' reports", async () => {
    expect(names(await listVisibleEmployees(db, manager))).toEqual(["Mia Manager", "Rae Report"]);
    expect(names(await listVisibleEmployees(db, manager, { includeInactive: true }))).toEqual([
      "Fay Former",
      "Mia Manager",
      "Rae Report",
    ]);
  });

  it("shows an employee only themselves, and nothing to a user without an employee record", async () => {
    const { viewer: employee } = await createViewer(db, org, { role: "employee", name: "Eve Employee", managerId: managerEmployee.id });
    expect(names(await listVisibleEmployees(db, employee))).toEqual(["Eve Employee"]);
    const { viewer: unlinked } = await createViewer(db, org, { role: "manager", hasEmployee: false });
    expect(await listVisibleEmployees(db, unlinked)).toEqual([]);
  });
});

describe("getVisibleEmployee", () => {
  it("returns employees in scope, inactive ones included", async () => {
    expect((await getVisibleEmployee(db, manager, formerReport.id)).name).toBe("Fay Former");
    expect((await getVisibleEmployee(db, admin, grandReport.id)).name).toBe("Gus Grand");
  });

  it("answers NOT_FOUND for another organization's employee, even for an admin", async () => {
    await expect(getVisibleEmployee(db, admin, foreign.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers NOT_FOUND outside a manager's or employee's scope and for ids that do not exist", async () => {
    await expect(getVisibleEmployee(db, manager, grandReport.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getVisibleEmployee(db, manager, peer.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { viewer: employee } = await createViewer(db, org, { role: "employee" });
    await expect(getVisibleEmployee(db, employee, report.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getVisibleEmployee(db, admin, 999_999)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getVisibleEmployee(db, admin, Number.NaN)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
