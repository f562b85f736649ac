import { afterEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import * as auditQueries from "@/db/queries/audit";
import { listAuditEvents } from "@/db/queries/audit";
import { upsertDialpadConnection } from "@/db/queries/dialpad-connections";
import * as queueQueries from "@/db/queries/score-queue";
import { getSyncSettings } from "@/db/queries/sync";
import { listScoreSettings } from "@/db/queries/scores";
import { getActiveEngine } from "@/db/engine";
import type { Organization } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import type { Viewer } from "@/lib/services/access/viewer";
import { disconnectDialpad } from "@/lib/services/dialpad-connection/disconnect";
import { importEmployees } from "@/lib/services/employees/import-employees";
import { setEmployeeMapping } from "@/lib/services/mapping/set-employee-mapping";
import { givenDialpadUsers, setUpMappingTest } from "@/lib/services/mapping/testing/setup";
import { updateOrganizationSettings } from "@/lib/services/organizations/update-organization-settings";
import { updateScoreSettings } from "@/lib/services/scores/score-settings";
import { updateSyncSettings } from "@/lib/services/sync/sync-settings";
import { createUser } from "@/lib/services/users/create-user";
import { changeUserRole, setUserActive } from "@/lib/services/users/update-user-access";
import { createTestDb } from "@/tests/db";
import { createEmployee, createOrganization, createViewer } from "@/tests/factories";
import { listAuditLog } from "./list-audit-log";
import { recordAuditEvent } from "./record-audit-event";

afterEach(() => {
  vi.restoreAllMocks();
});

async function setUp(): Promise<{ db: Db; organization: Organization; admin: Viewer }> {
  const db = await createTestDb();
  const organization = await createOrganization(db, { domain: `audit-${Math.random().toString(36).slice(2, 8)}.test`, timezone: "America/Chicago" });
  const { viewer: admin } = await createViewer(db, organization, { role: "admin", hasEmployee: false, name: "Ada Admin" });
  return { db, organization, admin };
}

/** The organization's events, newest first, as [actorUserId, actorName, action, targetType, targetId, summary]. */
async function auditRows(db: Db, organizationId: number) {
  const { events } = await listAuditEvents(db, { organizationId, filters: {}, limit: 100, offset: 0 });
  return events.map((e) => [e.actorUserId, e.actorName, e.action, e.targetType, e.targetId, e.summary]);
}

async function auditDetails(db: Db, organizationId: number) {
  const { events } = await listAuditEvents(db, { organizationId, filters: {}, limit: 1, offset: 0 });
  return JSON.parse(events[0]!.details!) as unknown;
}

const sales = { role: "Sales", talkTimeWeight: 2, connectedCallsWeight: 1, talkTimeTargetMinutes: 30, connectedCallsTarget: 5 };

describe(`audited changes on ${getActiveEngine()}`, () => {
  it("score settings: one event with the admin, the role and what changed", async () => {
    const { db, organization, admin } = await setUp();
    await updateScoreSettings(db, admin, sales);
    expect(await auditRows(db, organization.id)).toEqual([
      [admin.userId, "Ada Admin", "scores.settings_changed", "score_role", "Sales", "Changed score settings for Sales"],
    ]);
    expect(await auditDetails(db, organization.id)).toEqual({
      talkTimeWeight: { from: null, to: 2 },
      connectedCallsWeight: { from: null, to: 1 },
      defaultTalkTimeTargetMs: { from: null, to: 1_800_000 },
      defaultConnectedCallsTarget: { from: null, to: 5 },
    });
  });

  it("a change whose transaction fails leaves no audit event, and a failed audit insert leaves no change", async () => {
    const { db, organization, admin } = await setUp();
    vi.spyOn(queueQueries, "insertQueueRows").mockRejectedValueOnce(new Error("queue unavailable"));
    await expect(updateScoreSettings(db, admin, sales)).rejects.toThrow("queue unavailable");
    expect(await auditRows(db, organization.id)).toEqual([]);

    vi.spyOn(auditQueries, "insertAuditEvent").mockRejectedValueOnce(new Error("audit unavailable"));
    await expect(updateScoreSettings(db, admin, sales)).rejects.toThrow("audit unavailable");
    expect(await listScoreSettings(db, organization.id)).toEqual([]);

    vi.spyOn(auditQueries, "insertAuditEvent").mockRejectedValueOnce(new Error("audit unavailable"));
    await expect(updateSyncSettings(db, admin, { backfillDays: 7, intervalMinutes: 15, trailingWindowHours: 24 })).rejects.toThrow("audit unavailable");
    expect(await getSyncSettings(db, organization.id)).toEqual({ backfillDays: 30, intervalMinutes: 5, trailingWindowHours: 48 });
    expect(await auditRows(db, organization.id)).toEqual([]);
  });

  it("sync and organization settings: one event each with the changed fields", async () => {
    const { db, organization, admin } = await setUp();
    await updateSyncSettings(db, admin, { backfillDays: 30, intervalMinutes: 15, trailingWindowHours: 48 });
    expect(await auditDetails(db, organization.id)).toEqual({ intervalMinutes: { from: 5, to: 15 } });
    await updateOrganizationSettings(db, admin, { name: "Renamed", timezone: "Europe/Berlin", countryCode: "US", dayStartHour: 0, workWeek: "1,2,3,4,5" });
    expect(await auditDetails(db, organization.id)).toEqual({
      name: { from: organization.name, to: "Renamed" },
      timezone: { from: "America/Chicago", to: "Europe/Berlin" },
    });
    expect(await auditRows(db, organization.id)).toEqual([
      [admin.userId, "Ada Admin", "organization.settings_changed", "organization", String(organization.id), "Changed organization settings"],
      [admin.userId, "Ada Admin", "sync.settings_changed", "sync_settings", null, "Changed sync settings"],
    ]);
  });

  it("users: creation, a role change and deactivation are one event each", async () => {
    const { db, organization, admin } = await setUp();
    const user = await createUser(db, admin, { name: "Bo Kim", email: `bo@${organization.domain}`, role: "employee", password: "a-long-password-123" });
    await changeUserRole(db, admin, { userId: user.id, role: "manager" });
    await setUserActive(db, admin, { userId: user.id, isActive: false });
    await setUserActive(db, admin, { userId: user.id, isActive: false }); // no change: no event
    const target = String(user.id);
    expect(await auditRows(db, organization.id)).toEqual([
      [admin.userId, "Ada Admin", "user.access_changed", "user", target, "Deactivated Bo Kim"],
      [admin.userId, "Ada Admin", "user.access_changed", "user", target, "Changed Bo Kim's role from employee to manager"],
      [admin.userId, "Ada Admin", "user.created", "user", target, `Added Bo Kim (bo@${organization.domain}) as employee`],
    ]);
  });

  it("mapping: automatic mapping is one 'Automatic' event per run, an admin's choice one event with the count and changes", async () => {
    const context = await setUpMappingTest();
    const { db, organization, admin } = context;
    const ann = await createEmployee(db, organization, { name: "Ann Lee", email: "ann@acme.test" });
    const bo = await createEmployee(db, organization, { name: "Bo Kim", email: "bo@acme.test" });
    await givenDialpadUsers(context, [
      { id: "100", name: "Ann Line", emails: ["ann@acme.test"] },
      { id: "200", name: "Bo Line", emails: ["bo@acme.test"] },
      { id: "300", name: "Spare Line" },
    ]);
    expect(await auditRows(db, organization.id)).toEqual([
      [null, "Automatic", "mapping.changed", "employee_mapping", null, "Mapped automatically: 2 employees' mappings changed"],
    ]);
    await setEmployeeMapping(db, admin, { employeeId: bo.id, choice: { kind: "user", dialpadUserId: "300" } });
    expect((await auditRows(db, organization.id))[0]).toEqual([
      admin.userId,
      "Ada Admin",
      "mapping.changed",
      "employee_mapping",
      String(bo.id),
      "Bo Kim is now mapped to Spare Line.",
    ]);
    expect(await auditDetails(db, organization.id)).toEqual({
      count: 1,
      changes: [{ employeeId: bo.id, employee: "Bo Kim", from: "200", to: "300", method: "manual", reason: "Chosen by hand" }],
    });
    expect((await auditRows(db, organization.id)).length).toBe(2);
    expect(ann.id).toBeGreaterThan(0);
  });

  it("employee import: one event with the counts", async () => {
    const { db, organization, admin } = await setUp();
    const csv = `name,email,phone,timezone,title,manager_email\nAnn Lee,ann@${organization.domain},,,,\nBo Kim,bo@${organization.domain},,,,\n`;
    await expect(importEmployees(db, admin, csv)).resolves.toEqual({ status: "imported", created: 2, updated: 0 });
    expect(await auditRows(db, organization.id)).toEqual([
      [admin.userId, "Ada Admin", "employees.imported", "employees", null, "Imported employees from a file: 2 added, 0 updated"],
    ]);
  });

  it("Dialpad disconnect: one event naming the company and whether the calls were deleted", async () => {
    const { db, organization, admin } = await setUp();
    const now = Date.now();
    await upsertDialpadConnection(db, {
      organizationId: organization.id,
      status: "connected",
      dialpadCompanyId: "5001",
      companyName: "Acme Inc",
      companyDomain: organization.domain,
      connectedByUserId: admin.userId,
      connectedByName: admin.name,
      connectedAt: now,
      licensedUserCount: 0,
      totalUserCount: 0,
      updatedAt: now,
    });
    await disconnectDialpad(db, admin, { deleteCallData: false });
    expect(await auditRows(db, organization.id)).toEqual([
      [admin.userId, "Ada Admin", "dialpad.disconnected", "dialpad_connection", "5001", "Disconnected Dialpad (Acme Inc), keeping its call data"],
    ]);
  });
});

describe(`reading the audit log on ${getActiveEngine()}`, () => {
  it("is refused to managers and employees as if it did not exist", async () => {
    const { db, organization } = await setUp();
    for (const role of ["manager", "employee"] as const) {
      const { viewer } = await createViewer(db, organization, { role });
      const refusal = await listAuditLog(db, viewer, {}).catch((error: unknown) => error);
      expect(isAppError(refusal) && refusal.code).toBe("NOT_FOUND");
    }
  });

  it("shows only the admin's own organization's events, newest first, in its time zone, filtered from the URL", async () => {
    const { db, organization, admin } = await setUp();
    const otherOrganization = await createOrganization(db);
    const other = { organization: otherOrganization, admin: (await createViewer(db, otherOrganization, { role: "admin", hasEmployee: false })).viewer };
    const event = (organizationId: number, summary: string, at: number, action: "sync.settings_changed" | "mapping.changed" = "sync.settings_changed") =>
      recordAuditEvent(db, { organizationId, actor: admin, action, target: { type: "x" }, summary, at });
    // 2026-03-08 05:30 UTC is 23:30 on 7 March in Chicago.
    await event(organization.id, "Late on the 7th", Date.UTC(2026, 2, 8, 5, 30));
    await event(organization.id, "On the 8th", Date.UTC(2026, 2, 8, 18, 0), "mapping.changed");
    await event(other.organization.id, "Another organization's", Date.UTC(2026, 2, 8, 19, 0));

    const log = await listAuditLog(db, admin, {});
    expect(log.rows.map((row) => [row.time, row.actorName, row.action, row.summary])).toEqual([
      ["Sun 8 Mar 2026, 13:00", "Ada Admin", "mapping.changed", "On the 8th"],
      ["Sat 7 Mar 2026, 23:30", "Ada Admin", "sync.settings_changed", "Late on the 7th"],
    ]);
    expect((await listAuditLog(db, admin, { from: "2026-03-07", to: "2026-03-07" })).rows.map((r) => r.summary)).toEqual(["Late on the 7th"]);
    expect((await listAuditLog(db, admin, { action: "mapping.changed" })).rows.map((r) => r.summary)).toEqual(["On the 8th"]);
    expect((await listAuditLog(db, admin, { actor: "Someone Else" })).rows).toEqual([]);
    expect((await listAuditLog(db, other.admin, {})).rows.map((r) => r.summary)).toEqual(["Another organization's"]);
  });
});
