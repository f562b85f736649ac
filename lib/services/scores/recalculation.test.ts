// Heavy score work leaves the request: a change queues it and returns, the pages read its progress,
// and work that keeps failing is tried again, then kept as failed for an admin to retry.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { getActiveEngine } from "@/db/engine";
import { listQueueRows } from "@/db/queries/score-queue";
import { getNextQueueAttemptAt } from "@/db/queries/score-queue-status";
import type { Employee, Organization } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { Viewer } from "@/lib/services/access/viewer";
import { updateOrganizationSettings } from "@/lib/services/organizations/update-organization-settings";
import { createEmployee, createOrganization, createViewer } from "@/tests/factories";
import { createTestDb } from "@/tests/db";
import { drainScoreQueue } from "./drain-score-queue";
import { listFailedScoreWork, listRecalculationProgress } from "./get-score-recalculation";
import { queueOrganizationRecompute } from "./queue-recompute";
import { retryFailedScoreWork } from "./retry-failed-score-work";
import { retryTiming } from "./run-logged";
import { scheduleScoreDrain } from "./schedule-score-drain";
import { MIN, linkEmployee, readDays, storeLegs, utc } from "./testing";

// No background drain: each test drains when it wants the work done.
vi.mock("./schedule-score-drain", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./schedule-score-drain")>();
  return { ...actual, scheduleScoreDrain: vi.fn() };
});

const defaultRetryTiming = { ...retryTiming };
afterEach(() => {
  Object.assign(retryTiming, defaultRetryTiming);
  vi.restoreAllMocks();
});

const brokenZoneError = "RangeError: Unknown time zone: Mars/Olympus_Mons";

/** Three employees with one call each (15:00 UTC on 10 March: the 10th in New York, the 11th in Tokyo), scored. */
async function setUp(): Promise<{ db: Db; organization: Organization; admin: Viewer; employees: Employee[] }> {
  const db = await createTestDb();
  const organization = await createOrganization(db, { timezone: "America/New_York", dayStartHour: 0 });
  const { viewer: admin } = await createViewer(db, organization, { role: "admin", hasEmployee: false });
  const employees: Employee[] = [];
  for (const name of ["Ann", "Bo", "Cy"]) {
    const employee = await createEmployee(db, organization, { name, timezone: null });
    await linkEmployee(db, employee, `u-${name}`);
    const at = utc("2026-03-10T15:00:00Z");
    await storeLegs(db, organization.id, [{ dialpadCallId: `c-${name}`, dialpadUserId: `u-${name}`, startedAt: at, connectedAt: at, endedAt: at + 5 * MIN }]);
    employees.push(employee);
  }
  await drainScoreQueue(db, organization.id);
  expect(await listQueueRows(db, organization.id)).toEqual([]);
  return { db, organization, admin, employees };
}

const dayKeys = async (db: Db, employees: Employee[]) => Promise.all(employees.map(async (e) => (await readDays(db, e)).map((d) => d.dayKey)));

/** Queues a recompute of every employee, a broken one (a time zone stored before validation existed) among them. */
async function queueWithBrokenEmployee(db: Db, organization: Organization): Promise<Employee> {
  const broken = await createEmployee(db, organization, { name: "Zed", timezone: "Mars/Olympus_Mons" });
  await withTransaction(db, (tx) => queueOrganizationRecompute(tx, organization.id));
  vi.spyOn(console, "error").mockImplementation(() => {});
  return broken;
}

describe(`recalculations in the background (${getActiveEngine()})`, () => {
  it("returns from a time-zone change before the recompute runs, counting 0 of 3 employees until a drain does it", async () => {
    const { db, organization, admin, employees } = await setUp();
    const settings = { name: organization.name, timezone: "Asia/Tokyo", countryCode: "US" as const, dayStartHour: 0, workWeek: "1,2,3,4,5" };

    await updateOrganizationSettings(db, admin, settings);

    expect(scheduleScoreDrain).toHaveBeenCalledWith(db, organization.id);
    expect((await listQueueRows(db, organization.id)).map((row) => [row.kind, row.employeeId])).toEqual(employees.map((e) => ["employee", e.id]));
    expect(await dayKeys(db, employees)).toEqual([["2026-03-10"], ["2026-03-10"], ["2026-03-10"]]);
    expect(await listRecalculationProgress(db, admin)).toEqual([{ unit: "employees", done: 0, total: 3 }]);

    await drainScoreQueue(db, organization.id);

    expect(await dayKeys(db, employees)).toEqual([["2026-03-11"], ["2026-03-11"], ["2026-03-11"]]);
    expect(await listRecalculationProgress(db, admin)).toEqual([]);
    expect(await listQueueRows(db, organization.id)).toEqual([]);
  });

  it("scores everyone else while a failing employee waits for its next try (3 of 4 done)", async () => {
    const { db, organization, admin } = await setUp();
    retryTiming.firstDelayMs = 60 * MIN;
    const broken = await queueWithBrokenEmployee(db, organization);
    const before = Date.now();

    await drainScoreQueue(db, organization.id);

    expect(await listRecalculationProgress(db, admin)).toEqual([{ unit: "employees", done: 3, total: 4 }]);
    const rows = await listQueueRows(db, organization.id);
    expect(rows.map((row) => [row.employeeId, row.attempts, row.lastError, row.failedAt, row.isClaimed])).toEqual([
      [broken.id, 1, brokenZoneError, null, false],
    ]);
    expect(await listFailedScoreWork(db, admin)).toEqual([]);
    // Waits its first delay: the next drain leaves it alone.
    await drainScoreQueue(db, organization.id);
    expect((await listQueueRows(db, organization.id)).map((row) => row.attempts)).toEqual([1]);
    expect(await getNextQueueAttemptAt(db, organization.id, before)).toBeGreaterThanOrEqual(before + 60 * MIN);
  });

  it("keeps a row that failed its last try, with its message, until an admin retries it", async () => {
    const { db, organization, admin } = await setUp();
    Object.assign(retryTiming, { maxAttempts: 3, firstDelayMs: 0 });
    const broken = await queueWithBrokenEmployee(db, organization);

    await drainScoreQueue(db, organization.id);

    expect(console.error).toHaveBeenCalledTimes(3);
    expect(console.error).toHaveBeenLastCalledWith(`[scores] recompute failed for employee ${broken.id}: ${brokenZoneError}`);
    const [row, ...others] = await listQueueRows(db, organization.id);
    expect(others).toEqual([]);
    expect(row).toMatchObject({ kind: "employee", employeeId: broken.id, attempts: 3, lastError: brokenZoneError });
    expect(row?.failedAt).toEqual(expect.any(Number));
    const failed = await listFailedScoreWork(db, admin);
    expect(failed.map(({ id, subject, error, attempts }) => ({ id, subject, error, attempts }))).toEqual([
      { id: row!.id, subject: "Employee Zed", error: brokenZoneError, attempts: 3 },
    ]);
    expect(await listRecalculationProgress(db, admin)).toEqual([]);

    // A later drain leaves it alone; Retry queues it again with a fresh set of tries.
    await drainScoreQueue(db, organization.id);
    expect(console.error).toHaveBeenCalledTimes(3);
    expect(await retryFailedScoreWork(db, admin, { id: row!.id })).toBe(1);
    expect(scheduleScoreDrain).toHaveBeenLastCalledWith(db, organization.id);
    expect(await listFailedScoreWork(db, admin)).toEqual([]);
    expect(await listRecalculationProgress(db, admin)).toEqual([{ unit: "employees", done: 3, total: 4 }]);
    expect((await listQueueRows(db, organization.id)).map((r) => [r.id, r.attempts, r.failedAt, r.lastError])).toEqual([[row!.id, 0, null, null]]);

    await drainScoreQueue(db, organization.id);
    expect(console.error).toHaveBeenCalledTimes(6);
    expect((await listFailedScoreWork(db, admin)).map((f) => f.id)).toEqual([row!.id]);
  });

  it("lets only admins see and retry failed work, and a retry of an unknown id is a 404", async () => {
    const { db, organization, admin } = await setUp();
    Object.assign(retryTiming, { maxAttempts: 1, firstDelayMs: 0 });
    await queueWithBrokenEmployee(db, organization);
    await drainScoreQueue(db, organization.id);
    const [failed] = await listFailedScoreWork(db, admin);
    const { viewer: manager } = await createViewer(db, organization, { role: "manager", hasEmployee: false });
    const other = await createOrganization(db);
    const { viewer: otherAdmin } = await createViewer(db, other, { role: "admin", hasEmployee: false });

    await expect(listFailedScoreWork(db, manager)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(retryFailedScoreWork(db, manager, { id: failed!.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(retryFailedScoreWork(db, otherAdmin, { id: failed!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listFailedScoreWork(db, admin)).map((f) => f.id)).toEqual([failed!.id]);
    expect(await retryFailedScoreWork(db, admin, "all")).toBe(1);
  });
});
