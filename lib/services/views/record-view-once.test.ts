import { describe, expect, it } from "vitest";
import { listDataViews } from "@/db/queries/data-views";
import { createTestDb } from "@/tests/db";
import { createEmployee, createOrganization, createViewer } from "@/tests/factories";
import { recordViewOnce } from "./record-view-once";

const MIN = 60_000;

describe("recordViewOnce", () => {
  it("logs a manager's visit once per 30 minutes per day opened, and nothing for the person's own visits", async () => {
    const db = await createTestDb();
    const org = await createOrganization(db);
    const boss = await createViewer(db, org, { role: "manager", name: "Mia Manager" });
    const rita = await createEmployee(db, org, { name: "Rita", managerId: boss.employee!.id });
    const self = await createViewer(db, org, { role: "employee" });
    const t0 = Date.UTC(2026, 2, 10, 12);
    const day = { employeeId: rita.id, kind: "day" as const, detail: "Tue 10 Mar 2026" };
    await recordViewOnce(db, boss.viewer, day, t0);
    await recordViewOnce(db, boss.viewer, day, t0 + 15_000);
    await recordViewOnce(db, boss.viewer, { ...day, detail: "Mon 9 Mar 2026" }, t0 + MIN);
    await recordViewOnce(db, boss.viewer, day, t0 + 31 * MIN);
    await recordViewOnce(db, self.viewer, { ...day, employeeId: self.employee!.id }, t0);
    const lines = await listDataViews(db, { organizationId: org.id, employeeId: rita.id, since: 0, limit: 10 });
    expect(lines.map((line) => [line.viewerName, line.detail, line.createdAt - t0])).toEqual([
      ["Mia Manager", "Tue 10 Mar 2026", 31 * MIN],
      ["Mia Manager", "Mon 9 Mar 2026", MIN],
      ["Mia Manager", "Tue 10 Mar 2026", 0],
    ]);
    expect(await listDataViews(db, { organizationId: org.id, employeeId: self.employee!.id, since: 0, limit: 10 })).toEqual([]);
  });
});
