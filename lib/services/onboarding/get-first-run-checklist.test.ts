import { afterAll, describe, expect, it } from "vitest";
import { storeConnection, testTokenKeys } from "@/lib/services/dialpad-connection/testing/store-connection";
import { givenDialpadUsers, setUpMappingTest } from "@/lib/services/mapping/testing/setup";
import { disposeTestDbs } from "@/tests/db";
import { createEmployee, createViewer } from "@/tests/factories";
import { getFirstRunChecklist } from "./get-first-run-checklist";

afterAll(disposeTestDbs);

const ticks = async (...args: Parameters<typeof getFirstRunChecklist>) =>
  (await getFirstRunChecklist(...args)).map((step) => `${step.label}: ${step.isDone ? "done" : "to do"}`);

describe("getFirstRunChecklist", () => {
  it("ticks Connect Dialpad and Map employees from what is stored", async () => {
    Object.assign(process.env, testTokenKeys);
    const context = await setUpMappingTest();
    const { db, organization, admin } = context;
    expect(await ticks(db, admin)).toEqual(["Connect Dialpad: to do", "Map employees: to do", "Review scores: to do"]);

    await storeConnection(db, organization.id, { accessToken: "a", refreshToken: "r", connectedAt: Date.now(), expiresAt: Date.now() + 3_600_000 });
    expect(await ticks(db, admin)).toEqual(["Connect Dialpad: done", "Map employees: to do", "Review scores: to do"]);

    const employee = await createEmployee(db, organization, { name: "Bo Kim" });
    await givenDialpadUsers(context, [{ id: "100", name: "Bo Kim", emails: [employee.email] }]);
    expect(await ticks(db, admin)).toEqual(["Connect Dialpad: done", "Map employees: done", "Review scores: to do"]);
  });

  it("is for admins only", async () => {
    const { db, organization } = await setUpMappingTest();
    const { viewer } = await createViewer(db, organization, { role: "manager" });
    await expect(getFirstRunChecklist(db, viewer)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
