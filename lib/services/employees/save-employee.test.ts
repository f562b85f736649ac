import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Organization } from "@/db/schema";
import type { Viewer } from "@/lib/services/access/viewer";
import { createEmployee, createOrganization, createViewer } from "@/tests/factories";
import { createTestDb } from "@/tests/db";
import { checkEmployeeForm } from "./check-employee-form";
import { employeeInputSchema } from "./employee-schemas";
import { createEmployee as createEmployeeService, setEmployeeActive, updateEmployeeDetails } from "./save-employee";

let db: Db;
let org: Organization;
let admin: Viewer;

beforeEach(async () => {
  db = await createTestDb();
  org = await createOrganization(db, { countryCode: "US" });
  ({ viewer: admin } = await createViewer(db, org, { role: "admin", hasEmployee: false }));
});

const form = (overrides: Record<string, string> = {}) =>
  employeeInputSchema.parse({ name: "Ann Lee", email: "Ann@x.test", phone: "", timezone: "", title: "", managerId: "", ...overrides });

describe("employeeInputSchema", () => {
  it("turns blank optional fields into null and normalizes email and time zone", () => {
    expect(form({ timezone: "europe/paris", managerId: "7" })).toEqual({
      name: "Ann Lee",
      email: "ann@x.test",
      phone: null,
      timezone: "Europe/Paris",
      title: null,
      managerId: 7,
    });
  });
});

describe("createEmployee and updateEmployeeDetails", () => {
  it("creates an active employee and edits them", async () => {
    const boss = await createEmployee(db, org, { name: "Boss" });
    const ann = await createEmployeeService(db, admin, form({ phone: "415-555-0100", managerId: String(boss.id) }));
    expect([ann.name, ann.phone, ann.managerId, ann.isActive, ann.organizationId]).toEqual([
      "Ann Lee",
      "415-555-0100",
      boss.id,
      true,
      org.id,
    ]);
    const edited = await updateEmployeeDetails(db, admin, ann.id, form({ name: "Ann Diaz", title: "Lead" }));
    expect([edited.name, edited.title, edited.managerId]).toEqual(["Ann Diaz", "Lead", null]);
  });

  it("saves a phone number with an extension from the edit form, extension kept", async () => {
    const ann = await createEmployeeService(db, admin, form());
    const edited = await updateEmployeeDetails(db, admin, ann.id, form({ phone: "(212) 555-0105 ext. 12" }));
    expect(edited.phone).toBe("(212) 555-0105 ext. 12");
  });

  it("reports a bad phone, a taken email and an unknown manager as field errors", async () => {
    await createEmployee(db, org, { email: "ann@x.test" });
    const foreign = await createEmployee(db, await createOrganization(db));
    await expect(
      createEmployeeService(db, admin, form({ phone: "call me", managerId: String(foreign.id) })),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        phone: ["Enter a phone number, such as +1 415 555 0100."],
        email: ["Another employee already has this email."],
        managerId: ["Choose a manager from the list."],
      },
    });
  });

  it("refuses a manager that would create a loop", async () => {
    const top = await createEmployee(db, org);
    const middle = await createEmployee(db, org, { managerId: top.id });
    const bottom = await createEmployee(db, org, { managerId: middle.id });
    const change = form({ email: top.email, managerId: String(bottom.id) });
    await expect(updateEmployeeDetails(db, admin, top.id, change)).rejects.toMatchObject({
      fieldErrors: { managerId: ["That manager reports to this employee; choose someone else."] },
    });
    const self = form({ email: top.email, managerId: String(top.id) });
    await expect(updateEmployeeDetails(db, admin, top.id, self)).rejects.toMatchObject({
      fieldErrors: { managerId: ["An employee can't be their own manager."] },
    });
  });

  it("deactivates and reactivates, and treats other organizations' employees as not found", async () => {
    const ann = await createEmployee(db, org);
    expect((await setEmployeeActive(db, admin, { employeeId: ann.id, isActive: false })).isActive).toBe(false);
    expect((await setEmployeeActive(db, admin, { employeeId: ann.id, isActive: true })).isActive).toBe(true);
    const foreign = await createEmployee(db, await createOrganization(db));
    await expect(setEmployeeActive(db, admin, { employeeId: foreign.id, isActive: false })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(updateEmployeeDetails(db, admin, foreign.id, form())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is for admins only", async () => {
    const { viewer: manager } = await createViewer(db, org, { role: "manager" });
    await expect(createEmployeeService(db, manager, form())).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("checkEmployeeForm", () => {
  it("reports the form's own problems and the organization's together, in one pass", async () => {
    await createEmployee(db, org, { email: "ann@x.test" });
    const raw = { name: "", email: "Ann@x.test", phone: "call me", timezone: "Mars/Base", title: "", managerId: "999999" };
    await expect(checkEmployeeForm(db, admin, raw, null)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        name: ["Enter a name."],
        timezone: ["Choose a valid IANA time zone, such as America/New_York."],
        phone: ["Enter a phone number, such as +1 415 555 0100."],
        email: ["Another employee already has this email."],
        managerId: ["Choose a manager from the list."],
      },
    });
  });

  it("returns the parsed input when every field is valid", async () => {
    const raw = { name: "Ann Lee", email: "Ann@x.test", phone: "", timezone: "europe/paris", title: "", managerId: "" };
    expect(await checkEmployeeForm(db, admin, raw, null)).toEqual(form({ timezone: "europe/paris" }));
  });
});
