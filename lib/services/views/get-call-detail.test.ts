import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Employee, Organization } from "@/db/schema";
import { createTestDb } from "@/tests/db";
import { createEmployee, createOrganization, createViewer } from "@/tests/factories";
import type { Viewer } from "@/lib/services/access/viewer";
import { getCallDetail } from "./get-call-detail";
import { buildLeg, insertLegs, linkEmployee, scoreQueuedDays } from "./testing/arrange-day";

const t0 = Date.UTC(2026, 2, 10, 14, 0); // 10:00 in New York

let db: Db;
let org: Organization;
let admin: Viewer;
let manager: Viewer;
let report: Employee;
let outsider: Employee;

beforeEach(async () => {
  db = await createTestDb();
  org = await createOrganization(db, { timezone: "America/New_York" });
  admin = (await createViewer(db, org, { role: "admin" })).viewer;
  const boss = await createViewer(db, org, { role: "manager" });
  manager = boss.viewer;
  report = await createEmployee(db, org, { name: "Rita Report", managerId: boss.employee!.id });
  outsider = await createEmployee(db, org, { name: "Oscar Outside" });
  await linkEmployee(db, report, "u-rita");
  await linkEmployee(db, outsider, "u-oscar");
});

/** An inbound call answered by Rita and transferred to Oscar, entering through a main line. */
async function arrangeTransfer() {
  const mainLine = buildLeg("u-mainline", { startedAt: t0, endedAt: t0 + 5_000, direction: "inbound" });
  const entryPointCallId = mainLine.dialpadCallId;
  const [entry, rita, oscar] = await insertLegs(db, org.id, [
    mainLine,
    buildLeg("u-rita", { startedAt: t0 + 1_000, rangAt: t0 + 1_000, connectedAt: t0 + 6_000, endedAt: t0 + 66_000, direction: "inbound", isTransferred: true, contactName: "Acme Corp", entryPointCallId }),
    buildLeg("u-oscar", { startedAt: t0 + 66_000, connectedAt: t0 + 70_000, endedAt: t0 + 130_000, direction: "inbound", entryPointCallId }),
  ]);
  await scoreQueuedDays(db, org.id);
  return { entry: entry!, rita: rita!, oscar: oscar! };
}

describe("getCallDetail", () => {
  it("shows a report's call to their manager with times in the employee's zone, scoring and linked legs", async () => {
    const { entry, rita, oscar } = await arrangeTransfer();
    const detail = await getCallDetail(db, manager, { employeeId: report.id, callId: rita.id });
    expect(detail.timeZone).toBe("America/New_York");
    expect(detail.call.contactName).toBe("Acme Corp");
    expect(detail.entries.map((e) => [e.dayKey, e.kind, e.countedMs, e.reason])).toEqual([
      ["2026-03-10", "counted", 60_000, "Answered: connected time counted."],
    ]);
    expect(detail.raw).toBeNull();
    expect(detail.legs.map((leg) => [leg.callId, leg.relation, leg.owner?.name ?? null])).toEqual([
      [entry.id, "entry_point", null],
      [rita.id, "this", "Rita Report"],
      // Oscar is outside the manager's team: listed, not linked.
      [oscar.id, "linked", null],
    ]);
  });

  it("gives admins the raw record and links every mapped leg", async () => {
    const { rita, oscar } = await arrangeTransfer();
    const detail = await getCallDetail(db, admin, { employeeId: report.id, callId: rita.id });
    expect(JSON.parse(detail.raw!)).toEqual({ call_id: rita.dialpadCallId, state: "hangup" });
    expect(detail.legs.find((leg) => leg.callId === oscar.id)?.owner).toEqual({ employeeId: outsider.id, name: "Oscar Outside" });
  });

  it("finds a just-synced call that has no scoring entry yet through the employee's mapping", async () => {
    const [fresh] = await insertLegs(db, org.id, [buildLeg("u-rita", { startedAt: t0, endedAt: null })]);
    const detail = await getCallDetail(db, manager, { employeeId: report.id, callId: fresh!.id });
    expect(detail.entries).toEqual([]);
    expect(detail.legs).toEqual([]);
  });

  it("shows each local day's share of a call crossing midnight, in the employee's own zone far from UTC", async () => {
    const kiri = await createEmployee(db, org, { name: "Kiri Ahead", timezone: "Pacific/Kiritimati", managerId: report.managerId });
    await linkEmployee(db, kiri, "u-kiri");
    // 23:30 to 00:45 in Kiritimati (UTC+14): both local days are one UTC day, the second a day after it.
    const startedAt = Date.UTC(2026, 2, 11, 9, 30);
    const [late] = await insertLegs(db, org.id, [
      buildLeg("u-kiri", { startedAt, connectedAt: startedAt, endedAt: startedAt + 75 * 60_000, direction: "outbound" }),
    ]);
    await scoreQueuedDays(db, org.id);
    const detail = await getCallDetail(db, manager, { employeeId: kiri.id, callId: late!.id });
    expect(detail.entries.map((e) => [e.dayKey, e.countedMs, e.isStartDay])).toEqual([
      ["2026-03-11", 30 * 60_000, true],
      ["2026-03-12", 45 * 60_000, false],
    ]);
    expect(detail.day).toMatchObject({ dayKey: "2026-03-11" });
  });

  it("is NOT_FOUND for another employee's call, an unknown id, another organization's call or someone outside the team", async () => {
    const { oscar, rita } = await arrangeTransfer();
    const otherOrg = await createOrganization(db);
    const foreignEmployee = await createEmployee(db, otherOrg);
    await linkEmployee(db, foreignEmployee, "u-rita");
    const [foreign] = await insertLegs(db, otherOrg.id, [buildLeg("u-rita", { startedAt: t0 })]);
    const attempts = [
      { employeeId: report.id, callId: oscar.id },
      { employeeId: report.id, callId: 999_999 },
      { employeeId: report.id, callId: foreign!.id },
      { employeeId: outsider.id, callId: oscar.id },
      { employeeId: foreignEmployee.id, callId: rita.id },
    ];
    for (const params of attempts) {
      await expect(getCallDetail(db, manager, params), JSON.stringify(params)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("places the call in its day: the calls before and after it, and the earlier leg of a three-way it overlaps", async () => {
    const chloe = buildLeg("u-rita", { startedAt: t0, connectedAt: t0 + 30_000, endedAt: t0 + 20 * 60_000, direction: "outbound", contactName: "Chloe Rossi" });
    const [first, merged, later] = await insertLegs(db, org.id, [
      chloe,
      // The second leg joined the first one's call (a three-way merge).
      buildLeg("u-rita", { startedAt: t0 + 60_000, connectedAt: t0 + 90_000, endedAt: t0 + 20 * 60_000, direction: "outbound", contactName: "Dan", masterCallId: chloe.dialpadCallId }),
      buildLeg("u-rita", { startedAt: t0 + 60 * 60_000, connectedAt: t0 + 61 * 60_000, endedAt: t0 + 70 * 60_000, direction: "inbound" }),
    ]);
    await scoreQueuedDays(db, org.id);
    const detail = await getCallDetail(db, manager, { employeeId: report.id, callId: merged!.id });
    expect(detail.day).toMatchObject({ dayKey: "2026-03-10", previousCallId: first!.id, nextCallId: later!.id });
    expect(detail.day?.overlap).toMatchObject({ legCount: 2, linkKind: "three-way", withCall: { callId: first!.id, contactName: "Chloe Rossi" } });
    const last = await getCallDetail(db, manager, { employeeId: report.id, callId: later!.id });
    expect(last.day).toMatchObject({ previousCallId: merged!.id, nextCallId: null, overlap: null });
  });
});
