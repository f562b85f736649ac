import type { Db } from "@/db/client";
import { listCallLinkIds, type CallLinkIds } from "@/db/queries/call-links";
import { getLocalDayBounds } from "@/lib/dates";
import { getVisibleEmployee } from "@/lib/services/access/visible-employees";
import type { Viewer } from "@/lib/services/access/viewer";
import { getViewerOrganization } from "@/lib/services/organizations/get-organization";
import { maskCallNumbers } from "@/lib/privacy/mask-call-numbers";
import { getCallPrivacy } from "@/lib/services/privacy/call-privacy";
import type { DayScore, DayScoreSummary } from "@/lib/services/scores/day-score";
import { getEmployeeDayScore, getEmployeeToday, type EmployeeDayScore } from "@/lib/services/scores/get-employee-day-score";
import { listEmployeeScoreTrend } from "@/lib/services/scores/list-employee-score-trend";
import { listTrailingDays, resolveDay, type ResolvedDay } from "./day-param";
import { getDayStatus, type DayStatus } from "./get-day-status";
import { getSyncedHistory, isDaySynced } from "./synced-history";

export const TREND_DAYS = 30;

export interface EmployeeDay extends ResolvedDay, EmployeeDayScore {
  /** The TREND_DAYS days ending on the shown day, oldest first; days no sync has read have no score. */
  trend: DayScoreSummary[];
  status: DayStatus;
  /** How the day's legs link to each other: three-way and transfer legs of one call. */
  callLinks: CallLinkIds[];
  /** No sync has read this day and no call is stored for it: it has no data, so no score (not 0). */
  isUnsynced: boolean;
  /** The last successful sync, for "in progress · synced up to 12:32 EST" on today. */
  lastSyncAt: number | null;
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
  const history = await getSyncedHistory(db, viewer.organizationId);
  const hasData = (point: DayScoreSummary) =>
    point.isStored || point.isFuture || isDaySynced(getLocalDayBounds(point.dayKey, dayScore.timeZone, dayScore.dayStartHour), history);
  const isUnsynced = !hasData(dayScore.day);
  const { isMasked } = await getCallPrivacy(db, viewer);
  const callLinks = await listCallLinkIds(db, { organizationId: viewer.organizationId, callIds: dayScore.calls.map((call) => call.callId) });
  return {
    ...day,
    ...dayScore,
    calls: dayScore.calls.map((call) => maskCallNumbers(call, isMasked)),
    uncounted: dayScore.uncounted.map((call) => maskCallNumbers(call, isMasked)),
    day: isUnsynced ? withoutScore(dayScore.day) : dayScore.day,
    trend: trend.map((point) => (hasData(point) ? point : { ...point, score: null, noScoreReason: null })),
    status,
    callLinks,
    isUnsynced,
    lastSyncAt: history.lastSyncAt,
    now,
  };
}

function withoutScore(point: DayScore): DayScore {
  return { ...point, score: null, noScoreReason: null, breakdown: null };
}
