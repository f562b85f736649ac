import type { Db } from "@/db/client";
import { listDailyScores, listDayCallEntries, listMappedDialpadUsers, type DayCallEntryRow } from "@/db/queries/scores";
import type { Employee, Organization } from "@/db/schema";
import { isCountedKind } from "@/lib/calls/rules";
import { canonicalTimeZone } from "@/lib/canonical-time-zone";
import { getLocalDayBounds, type DayBounds, type DayKey } from "@/lib/dates";
import type { Viewer } from "@/lib/services/access/viewer";
import { getVisibleEmployee } from "@/lib/services/access/visible-employees";
import { scoreCallFreeDays } from "./call-free-days";
import { assertDayKey, getEmployeeToday, requireOrganization } from "./read-context";
import { scheduleScoreDrainIfQueued } from "./schedule-score-drain";
import { buildCallFreeDayScore, toStoredDayScore, type DayScore } from "./day-score";
import { getEmployeeTimeZone, getRoleKey } from "./scoring-context";

export type DayCall = DayCallEntryRow;
// Views import it from here (it lived here first).
export { getEmployeeToday };

export interface EmployeeDayScore {
  employee: Employee;
  /** The employee's IANA zone (their own or the organization's) and the organization's day-start hour. */
  timeZone: string;
  dayStartHour: number;
  /** The local day as UTC [start, end): 23 or 25 hours on daylight-saving days. */
  bounds: DayBounds;
  /** The mapped Dialpad user; null: not mapped, so no calls are attributed. */
  dialpadUserId: string | null;
  day: DayScore;
  /** Every call that started in the day or counted time in it, by start time. */
  calls: DayCall[];
  /** Calls that started in the day and count no time (missed, not answered, voicemails received, meetings…), with their reason. */
  uncounted: DayCall[];
}

/** One employee-day as views show it; the employee must be visible to the viewer (else NOT_FOUND). */
export async function getEmployeeDayScore(
  db: Db,
  viewer: Viewer,
  employeeId: number,
  dayKey: string,
  options: { now?: number } = {},
): Promise<EmployeeDayScore> {
  assertDayKey(dayKey);
  const employee = await getVisibleEmployee(db, viewer, employeeId);
  const organization = await requireOrganization(db, viewer.organizationId);
  await scheduleScoreDrainIfQueued(db, organization.id);
  const timeZone = getEmployeeTimeZone(employee, organization);
  const key = { organizationId: organization.id, employeeId: employee.id, dayKey };
  const [row] = await listDailyScores(db, { organizationId: organization.id, employeeIds: [employee.id], from: dayKey, to: dayKey });
  const dialpadUserId = (await listMappedDialpadUsers(db, organization.id, [employee.id])).get(employee.id) ?? null;
  const calls = row ? await listDayCallEntries(db, key) : [];
  return {
    employee,
    timeZone: canonicalTimeZone(timeZone),
    dayStartHour: organization.dayStartHour,
    bounds: getLocalDayBounds(dayKey, timeZone, organization.dayStartHour),
    dialpadUserId,
    day: row ? toStoredDayScore(row) : await scoreDayWithoutCalls(db, organization, employee, dayKey, options.now ?? Date.now()),
    calls,
    uncounted: calls.filter((call) => call.isStartDay && !isCountedKind(call.kind)),
  };
}

async function scoreDayWithoutCalls(
  db: Db,
  organization: Organization,
  employee: Employee,
  dayKey: DayKey,
  now: number,
): Promise<DayScore> {
  const role = getRoleKey(employee.title);
  const params = { employeeId: employee.id, dayKey, role };
  if (dayKey > getEmployeeToday(employee, organization, now)) return buildCallFreeDayScore(params, null);
  const breakdowns = await scoreCallFreeDays(db, organization, { role, from: dayKey, to: dayKey });
  return buildCallFreeDayScore(params, breakdowns.get(dayKey)!);
}
