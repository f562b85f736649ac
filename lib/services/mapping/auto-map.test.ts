import { beforeEach, describe, expect, it, vi } from "vitest";
import { listEmployeeDialpadLinks, listMappingEvents } from "@/db/queries/mapping";
import { importEmployees } from "@/lib/services/employees/import-employees";
import { createEmployee as createEmployeeService, setEmployeeActive, updateEmployeeDetails } from "@/lib/services/employees/save-employee";
import { createEmployee } from "@/tests/factories";
import { afterMappingChanged } from "./after-mapping-changed";
import { autoMapOrganization } from "./auto-map";
import { givenDialpadUsers, setUpMappingTest } from "./testing/setup";

vi.mock("./after-mapping-changed", () => ({ afterMappingChanged: vi.fn(async () => undefined) }));

const linksOf = async (context: Awaited<ReturnType<typeof setUpMappingTest>>) =>
  (await listEmployeeDialpadLinks(context.db, context.organization.id))
    .map(({ employeeId, dialpadUserId, method, matchedValue }) => ({ employeeId, dialpadUserId, method, matchedValue }))
    .sort((a, b) => a.employeeId - b.employeeId);

beforeEach(() => vi.mocked(afterMappingChanged).mockClear());

describe("auto-mapping after a Dialpad users refresh", () => {
  it("links by email and phone, audits each link as Automatic, and recomputes those employees", async () => {
    const context = await setUpMappingTest();
    const ann = await createEmployee(context.db, context.organization, { email: "ann@acme.test" });
    const bo = await createEmployee(context.db, context.organization, { email: "bo@acme.test", phone: "(415) 555-1002" });
    await createEmployee(context.db, context.organization, { email: "cy@acme.test" });

    const result = await givenDialpadUsers(context, [
      { id: "100", name: "Ann Lee", emails: ["ANN@acme.test"] },
      { id: "200", name: "Bo Kim", emails: ["robert@acme.test"], phones: ["+14155551002"] },
      { id: "300", name: "Cy Ray", emails: ["cy@acme.test"], state: "suspended" },
    ]);

    expect(result.changedEmployeeIds).toEqual([ann.id, bo.id]);
    expect(await linksOf(context)).toEqual([
      { employeeId: ann.id, dialpadUserId: "100", method: "email", matchedValue: "ann@acme.test" },
      { employeeId: bo.id, dialpadUserId: "200", method: "phone", matchedValue: "+14155551002" },
    ]);
    const events = await listMappingEvents(context.db, { organizationId: context.organization.id });
    expect(events.map(({ employeeId, fromDialpadUserId, toDialpadUserId, toMethod, actorUserId, actorName, reason }) => ({
      employeeId, fromDialpadUserId, toDialpadUserId, toMethod, actorUserId, actorName, reason,
    })).sort((a, b) => a.employeeId - b.employeeId)).toEqual([
      { employeeId: ann.id, fromDialpadUserId: null, toDialpadUserId: "100", toMethod: "email", actorUserId: null, actorName: "Automatic", reason: "Matched by email ann@acme.test" },
      { employeeId: bo.id, fromDialpadUserId: null, toDialpadUserId: "200", toMethod: "phone", actorUserId: null, actorName: "Automatic", reason: "Matched by phone +14155551002" },
    ]);
    expect(afterMappingChanged).toHaveBeenCalledExactlyOnceWith(context.db, context.organization.id, [ann.id, bo.id]);
  });

  it("writes nothing and recomputes nobody when a second run finds no change", async () => {
    const context = await setUpMappingTest();
    await createEmployee(context.db, context.organization, { email: "ann@acme.test" });
    await givenDialpadUsers(context, [{ id: "100", emails: ["ann@acme.test"] }]);
    vi.mocked(afterMappingChanged).mockClear();

    expect(await autoMapOrganization(context.db, context.organization.id)).toEqual({ changedEmployeeIds: [], changeCount: 0 });
    expect(afterMappingChanged).not.toHaveBeenCalled();
    expect(await listMappingEvents(context.db, { organizationId: context.organization.id })).toHaveLength(1);
  });

  it("sends both employees to review when a new employee shares an auto-mapped number", async () => {
    const context = await setUpMappingTest();
    const first = await createEmployee(context.db, context.organization, { phone: "415-555-1001" });
    await givenDialpadUsers(context, [{ id: "100", phones: ["+14155551001"] }]);
    await createEmployee(context.db, context.organization, { phone: "(415) 555-1001" });
    vi.mocked(afterMappingChanged).mockClear();

    await autoMapOrganization(context.db, context.organization.id);

    expect(await linksOf(context)).toEqual([]);
    const [event] = await listMappingEvents(context.db, { organizationId: context.organization.id, employeeId: first.id });
    expect(event).toMatchObject({ fromDialpadUserId: "100", toDialpadUserId: null, reason: "Conflict: sent to review" });
    expect(afterMappingChanged).toHaveBeenCalledExactlyOnceWith(context.db, context.organization.id, [first.id]);
  });
});

describe("auto-mapping when employees change", () => {
  it("maps employees as they are created, edited, deactivated and imported", async () => {
    const context = await setUpMappingTest();
    await givenDialpadUsers(context, [
      { id: "100", emails: ["ann@acme.test"] },
      { id: "200", emails: ["bo@acme.test"] },
      { id: "300", phones: ["+14155551003"] },
    ]);
    const input = { name: "Ann Lee", email: "ann@acme.test", phone: null, timezone: null, title: null, managerId: null };
    const ann = await createEmployeeService(context.db, context.admin, input);
    expect(await linksOf(context)).toEqual([{ employeeId: ann.id, dialpadUserId: "100", method: "email", matchedValue: "ann@acme.test" }]);

    await updateEmployeeDetails(context.db, context.admin, ann.id, { ...input, email: "ann.lee@acme.test", phone: "415 555 1003" });
    expect(await linksOf(context)).toEqual([{ employeeId: ann.id, dialpadUserId: "300", method: "phone", matchedValue: "+14155551003" }]);

    await setEmployeeActive(context.db, context.admin, { employeeId: ann.id, isActive: false });
    await setEmployeeActive(context.db, context.admin, { employeeId: ann.id, isActive: true });
    expect(await linksOf(context)).toEqual([{ employeeId: ann.id, dialpadUserId: "300", method: "phone", matchedValue: "+14155551003" }]);

    const report = await importEmployees(context.db, context.admin, "name,email,phone,timezone,title,manager_email\nBo Kim,BO@acme.test,,,,\n");
    expect(report).toEqual({ status: "imported", created: 1, updated: 0 });
    const bo = (await linksOf(context)).find((link) => link.dialpadUserId === "200");
    expect(bo).toEqual({ employeeId: expect.any(Number), dialpadUserId: "200", method: "email", matchedValue: "bo@acme.test" });
    expect(vi.mocked(afterMappingChanged).mock.calls.map((call) => call[2])).toEqual([[ann.id], [ann.id], [bo!.employeeId]]);
  });
});
