import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listAuditEvents } from "@/db/queries/audit";
import { listOrganizationCalls, nextWriteStamp, upsertCallRows } from "@/db/queries/calls";
import { listDailyScores } from "@/db/queries/scores";
import { dataViews, dialpadUsers, type Employee, type Organization } from "@/db/schema";
import { countEveryTable, countRowsWithValue } from "@/db/queries/testing/table-counts";
import { withTransaction } from "@/db/transaction";
import { buildCallLeg } from "@/lib/calls/build-call-leg";
import { readZip } from "@/lib/privacy/zip";
import type { Viewer } from "@/lib/services/access/viewer";
import { getVisibleEmployee, listVisibleEmployees } from "@/lib/services/access/visible-employees";
import { drainScoreQueue } from "@/lib/services/scores/drain-score-queue";
import { recomputeEmployee } from "@/lib/services/scores/recompute-employee";
import { linkEmployee } from "@/lib/services/scores/testing";
import { getCallDetail } from "@/lib/services/views/get-call-detail";
import { getDayStatus } from "@/lib/services/views/get-day-status";
import { createTestDb } from "@/tests/db";
import { createEmployee, createOrganization, createViewer } from "@/tests/factories";
import { eraseEmployee } from "./erase-employee";
import { exportEmployeeData } from "./export-employee-data";
import { getMyData } from "./get-my-data";
import { getPrivacySettings } from "./get-privacy-settings";
import { purgeExpiredData } from "./purge-expired-data";
import { recordDataView } from "./record-data-view";
import { setEmployeeHidden } from "./set-employee-hidden";
import { getStoragePolicy, toStoredLeg } from "./storage-policy";
import { updatePrivacySettings } from "./update-privacy-settings";

const now = Date.UTC(2026, 11, 2, 15, 0);
const dayMs = 86_400_000;

let db: Db;
let org: Organization;
let admin: Viewer;
let manager: Viewer;
let rita: Employee;
let ritaViewer: Viewer;

beforeEach(async () => {
  db = await createTestDb();
  org = await createOrganization(db, { timezone: "America/New_York" });
  admin = (await createViewer(db, org, { role: "admin", name: "Ada Admin" })).viewer;
  const boss = await createViewer(db, org, { role: "manager", name: "Mona Manager" });
  manager = boss.viewer;
  const self = await createViewer(db, org, { role: "employee", name: "Rita Report", managerId: boss.employee!.id });
  ritaViewer = self.viewer;
  rita = self.employee!;
  await linkEmployee(db, rita, "u-rita");
});

let sequence = 0;
async function storeCall(startedAt: number, raw: Record<string, unknown> = {}, dialpadUserId = "u-rita") {
  sequence += 1;
  const leg = buildCallLeg({
    dialpadCallId: `p${sequence}`,
    dialpadUserId,
    startedAt,
    connectedAt: startedAt + 5_000,
    endedAt: startedAt + 65_000,
    direction: "inbound",
    externalNumber: "+14155550142",
  });
  await withTransaction(db, (tx) =>
    upsertCallRows(tx, org.id, [{ leg, raw: { call_id: leg.dialpadCallId, external_number: "+14155550142", ...raw } }], nextWriteStamp()),
  );
  const rows = await listOrganizationCalls(db, org.id);
  return rows.find((row) => row.dialpadCallId === leg.dialpadCallId)!;
}

describe("privacy settings", () => {
  it("has the defaults until an admin saves, and audits what changed", async () => {
    expect(await getPrivacySettings(db, org.id)).toEqual({ callRetentionMonths: 13, scoreRetentionMonths: 25, maskNumbersFor: "managers", linkRecordings: false });
    await updatePrivacySettings(db, admin, { callRetentionMonths: "6", scoreRetentionMonths: "25", maskNumbersFor: "everyone", linkRecordings: "on" }, now);
    expect(await getPrivacySettings(db, org.id)).toEqual({ callRetentionMonths: 6, scoreRetentionMonths: 25, maskNumbersFor: "everyone", linkRecordings: true });
    const { events } = await listAuditEvents(db, { organizationId: org.id, filters: { action: "privacy.settings_changed" }, limit: 10, offset: 0 });
    expect(events.map((event) => [event.actorName, JSON.parse(event.details!)])).toEqual([
      [
        "Ada Admin",
        { callRetentionMonths: { from: 13, to: 6 }, maskNumbersFor: { from: "managers", to: "everyone" }, linkRecordings: { from: false, to: true } },
      ],
    ]);
  });

  it("refuses managers and out-of-range months", async () => {
    await expect(updatePrivacySettings(db, manager, { callRetentionMonths: 6, scoreRetentionMonths: 25, maskNumbersFor: "nobody" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updatePrivacySettings(db, admin, { callRetentionMonths: 0, scoreRetentionMonths: 25, maskNumbersFor: "nobody" })).rejects.toThrow("At least 1 month.");
  });
});

describe("call view masking and recording links", () => {
  it("masks the external number for a manager, not for an admin, and the link shows only while the setting is on", async () => {
    const call = await storeCall(now - dayMs, { call_recording_share_links: ["https://dialpad.test/r/1"] });
    await drainScoreQueue(db, org.id);
    const seenByManager = await getCallDetail(db, manager, { employeeId: rita.id, callId: call.id });
    expect(seenByManager.call.externalNumber).toBe("+1 ••• ••• 0142");
    expect(seenByManager.raw).toBeNull();
    const seenByAdmin = await getCallDetail(db, admin, { employeeId: rita.id, callId: call.id });
    expect(seenByAdmin.call.externalNumber).toBe("+14155550142");
    expect(seenByAdmin.recordingUrl).toBeNull();

    await updatePrivacySettings(db, admin, { callRetentionMonths: 13, scoreRetentionMonths: 25, maskNumbersFor: "everyone", linkRecordings: "on" });
    const masked = await getCallDetail(db, admin, { employeeId: rita.id, callId: call.id });
    expect(masked.call.externalNumber).toBe("+1 ••• ••• 0142");
    expect(JSON.parse(masked.raw!).external_number).toBe("+1 ••• ••• 0142");
    expect(masked.recordingUrl).toBe("https://dialpad.test/r/1");
  });

  it("keeps recording links in stored payloads only when turned on, and stores nothing of an erased Dialpad user", async () => {
    const leg = buildCallLeg({ dialpadCallId: "x1", dialpadUserId: "u-rita", startedAt: now });
    const raw = { call_id: "x1", voicemail_share_link: "https://dialpad.test/v/1", transcription_text: "secret" };
    expect(toStoredLeg(await getStoragePolicy(db, org.id), leg, raw)?.raw).toEqual({ call_id: "x1" });
    await updatePrivacySettings(db, admin, { callRetentionMonths: 13, scoreRetentionMonths: 25, maskNumbersFor: "managers", linkRecordings: "on" });
    expect(toStoredLeg(await getStoragePolicy(db, org.id), leg, raw)?.raw).toEqual({ call_id: "x1", voicemail_share_link: "https://dialpad.test/v/1" });
  });
});

describe("hidden people", () => {
  it("are a 404 for their manager, still visible to admins and themselves, and left out of the manager's list; showing them again is lossless", async () => {
    await storeCall(now - dayMs);
    await setEmployeeHidden(db, admin, { employeeId: rita.id, isHidden: true }, now);
    await expect(getVisibleEmployee(db, manager, rita.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listVisibleEmployees(db, manager)).map((e) => e.name)).toEqual(["Mona Manager"]);
    expect((await getVisibleEmployee(db, admin, rita.id)).hiddenAt).toBe(now);
    expect((await getVisibleEmployee(db, ritaViewer, rita.id)).id).toBe(rita.id);
    await setEmployeeHidden(db, admin, { employeeId: rita.id, isHidden: false }, now + 1);
    expect((await getVisibleEmployee(db, manager, rita.id)).hiddenAt).toBeNull();
    expect(await listOrganizationCalls(db, org.id)).toHaveLength(1);
    const { events } = await listAuditEvents(db, { organizationId: org.id, filters: {}, limit: 10, offset: 0 });
    expect(events.filter((e) => e.action.startsWith("employee.")).map((e) => e.summary)).toEqual([
      "Showed Rita Report in scores again",
      "Hid Rita Report from scores",
    ]);
  });
});

describe("the view log and My data", () => {
  it("logs a manager's visit, not the employee's own, and shows it on My data for 90 days", async () => {
    await recordDataView(db, manager, { employeeId: rita.id, kind: "day", detail: "2026-12-01" }, now - dayMs);
    await recordDataView(db, ritaViewer, { employeeId: rita.id, kind: "day" }, now);
    await recordDataView(db, manager, { employeeId: rita.id, kind: "export" }, now - 91 * dayMs);
    const mine = await getMyData(db, ritaViewer, now);
    expect(mine!.views.map((view) => [view.viewerName, view.kind, view.detail])).toEqual([["Mona Manager", "day", "2026-12-01"]]);
    expect(mine!.settings.callRetentionMonths).toBe(13);
    expect(await getMyData(db, admin, now)).not.toBeNull();

    const purged = await purgeExpiredData(db, org.id, { now });
    expect(purged.dataViews).toBe(1);
    expect(await db.select().from(dataViews)).toHaveLength(1);
  });
});

describe("retention", () => {
  it("deletes old call legs and scores in batches, audits the counts and cut-offs, and keeps a purged day's score", async () => {
    const old = now - 14 * 30 * dayMs;
    for (let i = 0; i < 5; i++) await storeCall(old + i * 60_000);
    await storeCall(now - dayMs);
    await drainScoreQueue(db, org.id);
    const summary = await purgeExpiredData(db, org.id, { now, batchSize: 2 });
    expect([summary.calls, summary.dailyScores, summary.scoresBefore]).toEqual([5, 0, "2024-11-02"]);
    expect(await listOrganizationCalls(db, org.id)).toHaveLength(1);
    // Both days keep their score: the purged day's too.
    expect((await countRowsWithValue(db, "employee_id", rita.id)).daily_scores).toBe(2);
    const { events } = await listAuditEvents(db, { organizationId: org.id, filters: { action: "privacy.retention_purged" }, limit: 10, offset: 0 });
    expect(events.map((event) => [event.actorName, event.summary])).toEqual([
      ["Automatic", "Deleted 5 call legs from before 2025-11-02, 0 daily scores from before 2024-11-02 and 0 view-log entries older than 90 days"],
    ]);
    const status = await getDayStatus(db, { organizationId: org.id, isMapped: true, bounds: { start: old - 3_600_000, end: old + 3_600_000 }, now });
    expect(status).toEqual({ kind: "calls_purged", retentionMonths: 13 });
    // A full recompute (a time-zone change, say) leaves the purged day's facts and score as they were.
    const scoresBeforeRecompute = await listDailyScores(db, { organizationId: org.id, employeeIds: [rita.id], from: "2024-01-01", to: "2026-12-31" });
    await recomputeEmployee(db, org.id, rita.id, { kind: "all" }, now);
    await drainScoreQueue(db, org.id);
    expect(await listDailyScores(db, { organizationId: org.id, employeeIds: [rita.id], from: "2024-01-01", to: "2026-12-31" })).toEqual(scoresBeforeRecompute);
    // A second pass the same day finds nothing and writes no audit event.
    expect((await purgeExpiredData(db, org.id, { now })).calls).toBe(0);
  });
});

describe("subject requests", () => {
  it("exports everything about one employee as a zip of JSON and CSV, audited", async () => {
    await storeCall(now - dayMs);
    await drainScoreQueue(db, org.id);
    await recordDataView(db, manager, { employeeId: rita.id, kind: "day" }, now);
    const { fileName, zip } = await exportEmployeeData(db, admin, rita.id, now);
    expect(fileName).toBe("daymark-rita-report-data.zip");
    const files = readZip(zip);
    expect([...files.keys()]).toEqual([
      "README.txt", "employee.json", "mapping.json", "calls.json", "calls.csv", "daily-scores.json", "daily-scores.csv", "data-views.csv", "audit-events.json",
    ]);
    expect(JSON.parse(files.get("employee.json")!).name).toBe("Rita Report");
    expect(files.get("calls.csv")!.split("\r\n")[1]).toContain(",'+14155550142,"); // a leading + is neutralised for spreadsheets
    expect(files.get("data-views.csv")!.split("\r\n")[1]).toBe(`${now},Mona Manager,day,`);
    await expect(exportEmployeeData(db, manager, rita.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("erases an employee in one go: no row about them is left in any table, the Dialpad user stays unmapped and erased", async () => {
    const other = await createEmployee(db, org, { name: "Oscar Other" });
    await linkEmployee(db, other, "u-oscar");
    await db.insert(dialpadUsers).values({
      organizationId: org.id, dialpadUserId: "u-rita", displayName: "Rita Report", emails: [], phoneNumbers: [], firstSeenAt: now, lastSeenAt: now,
    });
    await storeCall(now - dayMs);
    await storeCall(now - 2 * dayMs);
    await storeCall(now - dayMs, {}, "u-oscar");
    await drainScoreQueue(db, org.id);
    await recordDataView(db, manager, { employeeId: rita.id, kind: "day" }, now);
    const before = await countEveryTable(db);

    await expect(eraseEmployee(db, admin, { employeeId: rita.id, confirmName: "rita" })).rejects.toMatchObject({ code: "VALIDATION" });
    const erased = await eraseEmployee(db, admin, { employeeId: rita.id, confirmName: " Rita Report " }, now);
    await drainScoreQueue(db, org.id);

    expect(erased).toMatchObject({ calls: 2, callDayEntries: 2, dataViews: 1, mappingLinks: 1 });
    const after = await countEveryTable(db);
    const changed = Object.fromEntries(Object.keys(before).filter((t) => before[t] !== after[t]).map((t) => [t, after[t]! - before[t]!]));
    expect(changed).toEqual({
      audit_events: 1,
      call_day_entries: -2,
      calls: -2,
      daily_scores: -2,
      data_views: -1,
      employee_dialpad_links: -1,
      employees: -1,
      mapping_events: -1,
    });
    const left = await countRowsWithValue(db, "employee_id", rita.id);
    expect(Object.values(left).every((n) => n === 0) && Object.keys(left).length >= 5).toBe(true);
    expect(Object.values(await countRowsWithValue(db, "dialpad_user_id", "u-rita")).reduce((a, b) => a + b, 0)).toBe(1); // dialpad_users only
    const users = await db.select().from(dialpadUsers);
    expect(users.map((user) => [user.dialpadUserId, user.erasedAt])).toEqual([["u-rita", now]]);
    // The next sync stores none of the erased user's calls.
    const policy = await getStoragePolicy(db, org.id);
    expect(toStoredLeg(policy, buildCallLeg({ dialpadCallId: "late", dialpadUserId: "u-rita", startedAt: now }), {})).toBeNull();
    const { events } = await listAuditEvents(db, { organizationId: org.id, filters: { action: "employee.erased" }, limit: 10, offset: 0 });
    expect(events.map((e) => e.summary)).toEqual([`Erased employee #${rita.id} and everything stored about them`]);
  });
});
