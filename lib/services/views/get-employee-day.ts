import type { Db } from "@/db/client";
import { getVisibleEmployee } from "@/lib/services/access/visible-employees";
import type { Viewer } from "@/lib/services/access/viewer";
import { getViewerOrganization } from "@/lib/services/organizations/get-organization";
import type { DayScore } from "@/lib/services/scores/day-score";
import { getEmployeeDayScore, getEmployeeToday, type EmployeeDayScore } from "@/lib/services/scores/get-employee-day-score";
import { listEmployeeScoreTrend } from "@/lib/services/scores/list-employee-score-trend";
import { listTrailingDays, resolveDay, type ResolvedDay } from "./day-param";
import { getDayStatus, type DayStatus } from "./get-day-status";

export const TREND_DAYS = 30;

export interface EmployeeDay extends ResolvedDay, EmployeeDayScore {
  /** The TREND_DAYS days ending on the shown day, oldest first. */
  trend: DayScore[];
  status: DayStatus;
  now: number;
}

/**
 * One employee's local day as the day page shows it: the scoring service's day (score, facts and
 * calls from the daily tables), the trend, and why the day may be empty. NOT_FOUND outside scope.
 */
export async function getEmployeeDay(
  db: Db,
  viewer: Viewer,
  options: { employeeId: number; date: unknown; now?: number },
): Promise<EmployeeDay> {
  const now = options.now ?? Date.now();
  const employee = await getVisibleEmployee(db, viewer, options.employeeId);
  const organization = await getViewerOrganization(db, viewer);
  const day = resolveDay(options.date, getEmployeeToday(employee, organization, now));
  const dayScore = await getEmployeeDayScore(db, viewer, employee.id, day.dayKey, { now });
  const range = listTrailingDays(day.dayKey, TREND_DAYS);
  const trend = await listEmployeeScoreTrend(db, viewer, employee.id, range.from, range.to, { now });
  const status = await getDayStatus(db, {
    organizationId: viewer.organizationId,
    isMapped: dayScore.dialpadUserId !== null,
    bounds: dayScore.bounds,
    now,
  });
  return { ...day, ...dayScore, trend, status, now };
}
