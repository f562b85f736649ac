import { describe, expect, it } from "vitest";
import { createEmployee, createViewer } from "@/tests/factories";
import { listMappingRows } from "./list-mapping-rows";
import { setEmployeeMapping } from "./set-employee-mapping";
import { givenDialpadUsers, setUpMappingTest } from "./testing/setup";

async function givenMixedOrganization() {
  const context = await setUpMappingTest();
  const ann = await createEmployee(context.db, context.organization, { name: "Ann Lee", email: "ann@acme.test" });
  await createEmployee(context.db, context.organization, { name: "Bo Kim", email: "bo@acme.test", phone: "415-555-1002" });
  await createEmployee(context.db, context.organization, { name: "Cy Ray", email: "cy@acme.test", phone: "415-555-1002" });
  await createEmployee(context.db, context.organization, { name: "Di Fox", email: "di@acme.test", phone: "555-12" });
  await givenDialpadUsers(context, [
    { id: "100", name: "Ann Lee", emails: ["ann@acme.test"] },
    { id: "200", name: "Shared Line", emails: ["line@acme.test"], phones: ["+14155551002"] },
    { id: "300", name: "New Hire", emails: ["new@acme.test"] },
    { id: "400", name: "Old Timer", emails: ["old@acme.test"], license: null },
  ]);
  return { context, ann };
}

describe("listMappingRows", () => {
  it("lists every employee with status, mapped user, method and notes, plus the unmapped Dialpad users", async () => {
    const { context, ann } = await givenMixedOrganization();

    const overview = await listMappingRows(context.db, context.admin);

    expect(overview.counts).toEqual({ all: 4, mapped: 1, unmapped: 1, conflicts: 2, suggestions: 0 });
    expect(overview.employees.map((row) => [row.name, row.status, row.dialpadUser?.name ?? null, row.method])).toEqual([
      ["Ann Lee", "mapped", "Ann Lee", "email"],
      ["Bo Kim", "conflict", null, null],
      ["Cy Ray", "conflict", null, null],
      ["Di Fox", "unmapped", null, null],
    ]);
    const bo = overview.employees[1]!;
    expect(bo.candidates.map((u) => u.name)).toEqual(["Shared Line"]);
    expect(bo.rivalNames).toEqual(["Cy Ray"]);
    expect(overview.employees[3]).toMatchObject({
      hasMalformedPhone: true,
      notes: [
        'Phone "555-12" is not a complete phone number for US; include the country code, such as +1 415 555 0100.',
        "No Dialpad user has the email di@acme.test.",
      ],
    });
    expect(overview.employees[0]!.lastChange).toEqual({ at: expect.any(Number), actorName: "Automatic", reason: "Matched by email ann@acme.test" });
    expect(overview.unmappedDialpadUsers.map((u) => [u.name, u.conflictEmployeeNames])).toEqual([
      ["New Hire", []],
      ["Shared Line", ["Bo Kim", "Cy Ray"]],
    ]);
    expect(overview.unmappableDialpadUsers.map((u) => [u.name, u.unmappableReason])).toEqual([["Old Timer", "No phone license in Dialpad"]]);
    expect(overview.directory).toEqual({ refreshedAt: expect.any(Number), userCount: 4, rejectedCount: 0 });
    expect(ann.id).toBe(overview.employees[0]!.employeeId);
  });

  it("filters by status and searches names, emails and the mapped user", async () => {
    const { context, ann } = await givenMixedOrganization();
    await setEmployeeMapping(context.db, context.admin, { employeeId: ann.id, choice: { kind: "none" } });

    const names = async (filters: Parameters<typeof listMappingRows>[2]) =>
      (await listMappingRows(context.db, context.admin, filters)).employees.map((row) => row.name);

    expect(await names({ filter: "mapped" })).toEqual([]);
    expect(await names({ filter: "unmapped" })).toEqual(["Ann Lee", "Di Fox"]);
    expect(await names({ filter: "conflicts" })).toEqual(["Bo Kim", "Cy Ray"]);
    expect(await names({ q: "DI@ACME" })).toEqual(["Di Fox"]);
    expect(await names({ filter: "conflicts", q: "cy" })).toEqual(["Cy Ray"]);
    const annRow = (await listMappingRows(context.db, context.admin, { q: "ann" })).employees[0]!;
    expect(annRow).toMatchObject({ isManual: true, method: "manual", dialpadUser: null, lastChange: { actorName: "Ada Admin", reason: "Unmapped by hand" } });
  });

  it("says when automatic mapping dropped an employee's link, for example after an email change", async () => {
    const context = await setUpMappingTest();
    await createEmployee(context.db, context.organization, { name: "Ann Lee", email: "ann@acme.test" });
    await givenDialpadUsers(context, [{ id: "100", name: "Ann L.", emails: ["ann@acme.test"] }]);
    await givenDialpadUsers(context, [{ id: "100", name: "Ann L.", emails: ["ann.lee@acme.test"] }]);

    const [row] = (await listMappingRows(context.db, context.admin)).employees;
    expect(row).toMatchObject({
      status: "unmapped",
      notes: [
        "No phone number to match by.",
        "No Dialpad user has the email ann@acme.test.",
        "Was mapped to Ann L. until automatic mapping removed it: no longer matches by email or phone.",
      ],
    });
  });

  it("is for admins only", async () => {
    const { context } = await givenMixedOrganization();
    const { viewer } = await createViewer(context.db, context.organization, { role: "employee" });
    await expect(listMappingRows(context.db, viewer)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
