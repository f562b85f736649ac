import { describe, expect, it } from "vitest";
import { updateEmployeeDetails } from "@/lib/services/employees/save-employee";
import { updateOrganizationSettings } from "@/lib/services/organizations/update-organization-settings";
import { createEmployee, createOrganization, createViewer } from "@/tests/factories";
import { createTestDb } from "@/tests/db";
import { drainScoreQueue } from "./drain-score-queue";
import { MIN, linkEmployee, readDays, storeLegs, utc } from "./testing";

const HOUR = 60 * MIN;
const talkHours = (days: Awaited<ReturnType<typeof readDays>>) => days.map((d) => [d.dayKey, d.talkMs / HOUR, d.connectedCalls]);

async function setUp() {
  const db = await createTestDb();
  const organization = await createOrganization(db, { timezone: "America/New_York" });
  const { viewer: admin } = await createViewer(db, organization, { role: "admin", hasEmployee: false });
  return { db, organization, admin };
}

describe("daily scores across time zones", () => {
  it("gives New York's spring-forward day 23 hours and London's fall-back day 25", async () => {
    const { db, organization } = await setUp();
    const newYork = await createEmployee(db, organization);
    const london = await createEmployee(db, organization, { timezone: "Europe/London" });
    await linkEmployee(db, newYork, "ny");
    await linkEmployee(db, london, "ldn");
    await storeLegs(db, organization.id, [
      // Sat 7 Mar 23:00 EST → Mon 9 Mar 01:00 EDT.
      { dialpadCallId: "1", dialpadUserId: "ny", startedAt: utc("2026-03-08T04:00:00Z"), connectedAt: utc("2026-03-08T04:00:00Z"),
        endedAt: utc("2026-03-09T05:00:00Z") },
      // Sat 24 Oct 23:00 BST → Mon 26 Oct 01:00 GMT.
      { dialpadCallId: "2", dialpadUserId: "ldn", startedAt: utc("2026-10-24T22:00:00Z"), connectedAt: utc("2026-10-24T22:00:00Z"),
        endedAt: utc("2026-10-26T01:00:00Z") },
    ]);
    await drainScoreQueue(db, organization.id);

    expect(talkHours((await readDays(db, newYork)))).toEqual([["2026-03-07", 1, 1], ["2026-03-08", 23, 0], ["2026-03-09", 1, 0]]);
    expect(talkHours((await readDays(db, london)))).toEqual([["2026-10-24", 1, 1], ["2026-10-25", 25, 0], ["2026-10-26", 1, 0]]);
  });

  it("puts an Asia/Kolkata employee's 00:30 call on their own date, and moves it when their time zone changes", async () => {
    const { db, organization, admin } = await setUp();
    const employee = await createEmployee(db, organization, { timezone: "Asia/Kolkata", title: "Sales" });
    await linkEmployee(db, employee, "in");
    // 19:00 UTC = 00:30 IST on the 11th = 15:00 EDT on the 10th.
    await storeLegs(db, organization.id, [
      { dialpadCallId: "3", dialpadUserId: "in", startedAt: utc("2026-03-10T19:00:00Z"), connectedAt: utc("2026-03-10T19:00:00Z"),
        endedAt: utc("2026-03-10T19:20:00Z") },
    ]);
    await drainScoreQueue(db, organization.id);
    expect((await readDays(db, employee)).map((d) => [d.dayKey, d.role, d.talkMs / MIN, d.score])).toEqual([["2026-03-11", "Sales", 20, 14]]);

    const { name, email, phone, title, managerId } = employee;
    await updateEmployeeDetails(db, admin, employee.id, { name, email, phone, title, managerId, timezone: null });
    await drainScoreQueue(db, organization.id); // the recompute runs in the background
    expect((await readDays(db, employee)).map((d) => [d.dayKey, d.talkMs / MIN, d.score])).toEqual([["2026-03-10", 20, 14]]);
  });

  it("recomputes history when the organization's day-start hour changes", async () => {
    const { db, organization, admin } = await setUp();
    const employee = await createEmployee(db, organization);
    await linkEmployee(db, employee, "u");
    // 02:00 EDT on Wednesday the 11th: the 10th's day once days start at 04:00.
    await storeLegs(db, organization.id, [
      { dialpadCallId: "4", dialpadUserId: "u", startedAt: utc("2026-03-11T06:00:00Z"), connectedAt: utc("2026-03-11T06:00:00Z"),
        endedAt: utc("2026-03-11T06:30:00Z") },
    ]);
    await drainScoreQueue(db, organization.id);
    expect((await readDays(db, employee)).map((d) => d.dayKey)).toEqual(["2026-03-11"]);

    await updateOrganizationSettings(db, admin, {
      name: organization.name, timezone: organization.timezone, countryCode: "US", dayStartHour: 4, workWeek: "1,2,3,4,5",
    });
    await drainScoreQueue(db, organization.id);
    expect((await readDays(db, employee)).map((d) => [d.dayKey, d.talkMs / MIN])).toEqual([["2026-03-10", 30]]);
  });
});
