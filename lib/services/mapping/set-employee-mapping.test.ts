import { beforeEach, describe, expect, it, vi } from "vitest";
import { listEmployeeDialpadLinks, listMappingEvents } from "@/db/queries/mapping";
import { createEmployee, createOrganization, createViewer } from "@/tests/factories";
import { afterMappingChanged } from "./after-mapping-changed";
import { autoMapOrganization } from "./auto-map";
import { setEmployeeMapping } from "./set-employee-mapping";
import { givenDialpadUsers, setUpMappingTest, type MappingTestContext } from "./testing/setup";

vi.mock("./after-mapping-changed", () => ({ afterMappingChanged: vi.fn(async () => undefined) }));

beforeEach(() => vi.mocked(afterMappingChanged).mockClear());

async function linkOf(context: MappingTestContext, employeeId: number) {
  const link = (await listEmployeeDialpadLinks(context.db, context.organization.id)).find((l) => l.employeeId === employeeId);
  return link ? { dialpadUserId: link.dialpadUserId, method: link.method } : null;
}

/** Two employees with the same number: a conflict over Dialpad user 100. */
async function givenConflict() {
  const context = await setUpMappingTest();
  const ann = await createEmployee(context.db, context.organization, { name: "Ann Lee", phone: "415-555-1001" });
  const bo = await createEmployee(context.db, context.organization, { name: "Bo Kim", phone: "(415) 555-1001" });
  await givenDialpadUsers(context, [
    { id: "100", name: "Front Desk", phones: ["+14155551001"] },
    { id: "200", name: "Spare Line", phones: ["+14155551009"] },
    { id: "300", name: "Gone User", state: "cancelled" },
  ]);
  vi.mocked(afterMappingChanged).mockClear();
  return { context, ann, bo };
}

describe("setEmployeeMapping", () => {
  it("fixes a conflict by hand: the chosen employee is mapped, the rival stays unmapped, both audited once", async () => {
    const { context, ann, bo } = await givenConflict();

    const result = await setEmployeeMapping(context.db, context.admin, { employeeId: ann.id, choice: { kind: "user", dialpadUserId: "100" } });

    expect(result).toEqual({ changedEmployeeIds: [ann.id], summary: "Ann Lee is now mapped to Front Desk." });
    expect(await linkOf(context, ann.id)).toEqual({ dialpadUserId: "100", method: "manual" });
    expect(await linkOf(context, bo.id)).toBeNull();
    const [event] = await listMappingEvents(context.db, { organizationId: context.organization.id });
    expect(event).toMatchObject({
      employeeId: ann.id,
      fromDialpadUserId: null,
      toDialpadUserId: "100",
      toMethod: "manual",
      actorUserId: context.admin.userId,
      actorName: "Ada Admin",
      reason: "Chosen by hand",
    });
    expect(afterMappingChanged).toHaveBeenCalledExactlyOnceWith(context.db, context.organization.id, [ann.id]);
  });

  it("moves a user auto-mapped to someone else and audits both employees", async () => {
    const context = await setUpMappingTest();
    const ann = await createEmployee(context.db, context.organization, { email: "ann@acme.test" });
    const bo = await createEmployee(context.db, context.organization, { name: "Bo Kim" });
    await givenDialpadUsers(context, [{ id: "100", name: "Front Desk", emails: ["ann@acme.test"] }]);

    const result = await setEmployeeMapping(context.db, context.admin, { employeeId: bo.id, choice: { kind: "user", dialpadUserId: "100" } });

    expect(result).toEqual({
      changedEmployeeIds: [ann.id, bo.id],
      summary: "Bo Kim is now mapped to Front Desk. 1 other employee's mapping changed with it.",
    });
    expect(await linkOf(context, ann.id)).toBeNull();
    expect(await linkOf(context, bo.id)).toEqual({ dialpadUserId: "100", method: "manual" });
    const [annEvent] = await listMappingEvents(context.db, { organizationId: context.organization.id, employeeId: ann.id });
    expect(annEvent).toMatchObject({ fromDialpadUserId: "100", fromMethod: "email", toDialpadUserId: null, actorName: "Automatic", reason: "Dialpad user mapped by hand to Bo Kim" });
  });

  it("keeps manual choices and manual unmaps through later auto-mapping", async () => {
    const context = await setUpMappingTest();
    const ann = await createEmployee(context.db, context.organization, { email: "ann@acme.test" });
    const bo = await createEmployee(context.db, context.organization, { email: "bo@acme.test" });
    await givenDialpadUsers(context, [{ id: "100", emails: ["ann@acme.test"] }, { id: "200", emails: ["bo@acme.test"] }, { id: "300" }]);

    await setEmployeeMapping(context.db, context.admin, { employeeId: ann.id, choice: { kind: "user", dialpadUserId: "300" } });
    await setEmployeeMapping(context.db, context.admin, { employeeId: bo.id, choice: { kind: "none" } });
    vi.mocked(afterMappingChanged).mockClear();
    await givenDialpadUsers(context, [{ id: "100", emails: ["ann@acme.test"] }, { id: "200", emails: ["bo@acme.test"] }, { id: "300" }]);
    await autoMapOrganization(context.db, context.organization.id);

    expect(await linkOf(context, ann.id)).toEqual({ dialpadUserId: "300", method: "manual" });
    expect(await linkOf(context, bo.id)).toEqual({ dialpadUserId: null, method: "manual" });
    expect(afterMappingChanged).not.toHaveBeenCalled();
  });

  it("returns an employee to automatic mapping, which matches them again at once", async () => {
    const context = await setUpMappingTest();
    const ann = await createEmployee(context.db, context.organization, { name: "Ann Lee", email: "ann@acme.test" });
    await givenDialpadUsers(context, [{ id: "100", name: "Ann Lee", emails: ["ann@acme.test"] }]);
    await setEmployeeMapping(context.db, context.admin, { employeeId: ann.id, choice: { kind: "none" } });

    const result = await setEmployeeMapping(context.db, context.admin, { employeeId: ann.id, choice: { kind: "auto" } });

    expect(result).toEqual({ changedEmployeeIds: [ann.id], summary: "Ann Lee is back on automatic mapping: mapped to Ann Lee by email." });
    expect(await linkOf(context, ann.id)).toEqual({ dialpadUserId: "100", method: "email" });
    const [latest] = await listMappingEvents(context.db, { organizationId: context.organization.id, employeeId: ann.id });
    expect(latest).toMatchObject({
      fromDialpadUserId: null,
      fromMethod: "manual",
      toDialpadUserId: "100",
      toMethod: "email",
      actorName: "Ada Admin",
      reason: "Returned to automatic mapping; matched by email ann@acme.test",
    });
  });

  it("refuses users that can't be mapped or are held by hand elsewhere, and changes nothing", async () => {
    const { context, ann, bo } = await givenConflict();
    await setEmployeeMapping(context.db, context.admin, { employeeId: ann.id, choice: { kind: "user", dialpadUserId: "100" } });

    await expect(
      setEmployeeMapping(context.db, context.admin, { employeeId: bo.id, choice: { kind: "user", dialpadUserId: "100" } }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "Front Desk is already mapped by hand to Ann Lee. Clear that mapping first." });
    await expect(
      setEmployeeMapping(context.db, context.admin, { employeeId: bo.id, choice: { kind: "user", dialpadUserId: "300" } }),
    ).rejects.toMatchObject({ code: "VALIDATION", message: "Gone User can't be mapped: Cancelled in Dialpad." });
    await expect(
      setEmployeeMapping(context.db, context.admin, { employeeId: bo.id, choice: { kind: "user", dialpadUserId: "999" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await linkOf(context, bo.id)).toBeNull();
    expect(await listMappingEvents(context.db, { organizationId: context.organization.id })).toHaveLength(1);
  });

  it("is for admins of the employee's own organization only", async () => {
    const { context, ann } = await givenConflict();
    const { viewer: manager } = await createViewer(context.db, context.organization, { role: "manager" });
    const other = await createOrganization(context.db);
    const { viewer: otherAdmin } = await createViewer(context.db, other, { role: "admin" });
    const choice = { kind: "user", dialpadUserId: "100" } as const;

    await expect(setEmployeeMapping(context.db, manager, { employeeId: ann.id, choice })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setEmployeeMapping(context.db, otherAdmin, { employeeId: ann.id, choice })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await linkOf(context, ann.id)).toBeNull();
  });
});
