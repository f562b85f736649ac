import { beforeEach, describe, expect, it, vi } from "vitest";
import { getEmployeeById } from "@/db/queries/employees";
import { listEmployeeDialpadLinks, listMappingEvents } from "@/db/queries/mapping";
import { createEmployee, createViewer } from "@/tests/factories";
import { acceptAllSuggestions } from "./accept-all-suggestions";
import { afterMappingChanged } from "./after-mapping-changed";
import { createEmployeeFromDialpadUser } from "./create-employee-from-dialpad-user";
import { givenDialpadUsers, setUpMappingTest, type MappingTestContext } from "./testing/setup";

vi.mock("./after-mapping-changed", () => ({ afterMappingChanged: vi.fn(async () => undefined) }));

beforeEach(() => vi.mocked(afterMappingChanged).mockClear());

async function linksOf(context: MappingTestContext) {
  return (await listEmployeeDialpadLinks(context.db, context.organization.id))
    .map(({ employeeId, dialpadUserId, method }) => ({ employeeId, dialpadUserId, method }))
    .sort((a, b) => a.employeeId - b.employeeId);
}

describe("createEmployeeFromDialpadUser", () => {
  it("creates the employee from the Dialpad user's details and maps them by email", async () => {
    const context = await setUpMappingTest();
    await givenDialpadUsers(context, [{ id: "100", name: "Ann Lee", emails: ["ann@acme.test"], phones: ["+14155551001"] }]);

    const employee = await createEmployeeFromDialpadUser(context.db, context.admin, "100");

    expect(await getEmployeeById(context.db, { organizationId: context.organization.id, employeeId: employee.id })).toMatchObject({
      name: "Ann Lee",
      email: "ann@acme.test",
      phone: "+14155551001",
      isActive: true,
    });
    expect(await linksOf(context)).toEqual([{ employeeId: employee.id, dialpadUserId: "100", method: "email" }]);
    expect(afterMappingChanged).toHaveBeenCalledExactlyOnceWith(context.db, context.organization.id, [employee.id]);
  });

  it("maps by hand when the user's email is on another Dialpad user too", async () => {
    const context = await setUpMappingTest();
    await givenDialpadUsers(context, [
      { id: "100", name: "Ann Lee", emails: ["ann@acme.test"] },
      { id: "101", name: "Ann Lee (old)", emails: ["ann@acme.test"] },
    ]);

    const employee = await createEmployeeFromDialpadUser(context.db, context.admin, "100");

    expect(await linksOf(context)).toEqual([{ employeeId: employee.id, dialpadUserId: "100", method: "manual" }]);
    const [event] = await listMappingEvents(context.db, { organizationId: context.organization.id });
    expect(event).toMatchObject({ toDialpadUserId: "100", actorName: "Ada Admin", reason: "Created from this Dialpad user" });
  });

  it("explains why it cannot create the employee", async () => {
    const context = await setUpMappingTest();
    await createEmployee(context.db, context.organization, { email: "taken@acme.test", phone: "+1 415 555 1009" });
    await givenDialpadUsers(context, [
      { id: "100", name: "No Email" },
      { id: "200", name: "Sus Pended", emails: ["sus@acme.test"], state: "suspended" },
      { id: "300", name: "Tak En", emails: ["taken@acme.test", "other@acme.test"], phones: ["+14155551009", "+14155551008"] },
      { id: "400", name: "Dup Licate", emails: ["dup@acme.test"], phones: ["+14155551009"] },
    ]);
    const { admin, db } = context;

    await expect(createEmployeeFromDialpadUser(db, admin, "100")).rejects.toMatchObject({
      code: "VALIDATION",
      message: "No Email has no email in Dialpad; add the employee on the Employees page instead.",
    });
    await expect(createEmployeeFromDialpadUser(db, admin, "200")).rejects.toMatchObject({
      code: "VALIDATION",
      message: "Sus Pended can't be mapped: Suspended in Dialpad.",
    });
    await expect(createEmployeeFromDialpadUser(db, admin, "300")).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Tak En is already mapped to an employee.",
    });
    await expect(createEmployeeFromDialpadUser(db, admin, "nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { viewer: manager } = await createViewer(db, context.organization, { role: "manager" });
    await expect(createEmployeeFromDialpadUser(db, manager, "400")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("acceptAllSuggestions", () => {
  it("confirms every same-name and same-mailbox suggestion as a manual mapping", async () => {
    const context = await setUpMappingTest();
    const jose = await createEmployee(context.db, context.organization, { name: "José García", email: "jg@acme.test" });
    const bo = await createEmployee(context.db, context.organization, { name: "Bo Kim", email: "bo.kim@acme.test" });
    await createEmployee(context.db, context.organization, { name: "Cy Ray", email: "cy@acme.test" });
    await givenDialpadUsers(context, [
      { id: "100", name: "Jose Garcia", emails: ["jose@sales.acme.test"] },
      { id: "200", name: "Robert Kim", emails: ["bo.kim@old-acme.test"] },
      { id: "300", name: "Someone Else", emails: ["se@acme.test"] },
    ]);

    const result = await acceptAllSuggestions(context.db, context.admin);

    expect(result).toEqual({ acceptedCount: 2, changedEmployeeIds: [jose.id, bo.id] });
    expect(await linksOf(context)).toEqual([
      { employeeId: jose.id, dialpadUserId: "100", method: "manual" },
      { employeeId: bo.id, dialpadUserId: "200", method: "manual" },
    ]);
    const reasons = (await listMappingEvents(context.db, { organizationId: context.organization.id })).map((e) => e.reason).sort();
    expect(reasons).toEqual(["Accepted suggestion (same mailbox name)", "Accepted suggestion (same name)"]);
    expect(afterMappingChanged).toHaveBeenCalledExactlyOnceWith(context.db, context.organization.id, [jose.id, bo.id]);
    expect(await acceptAllSuggestions(context.db, context.admin)).toEqual({ acceptedCount: 0, changedEmployeeIds: [] });
  });
});
