import type { Db } from "@/db/client";
import { listDailyScores } from "@/db/queries/scores";
import { diffDays, listDayKeys, type DayKey } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/services/access/viewer";
import { getVisibleEmployee } from "@/lib/services/access/visible-employees";
import { listCallFreeScores } from "./call-free-days";
import { scheduleScoreDrainIfQueued } from "./schedule-score-drain";
import { buildCallFreeDaySummary, toStoredDayScore, type DayScoreSummary } from "./day-score";
import { assertDayKey, getEmployeeToday, requireOrganization } from "./read-context";
import { getRoleKey } from "./scoring-context";

export const MAX_TREND_DAYS = 366;

/**
 * One score per day in [fromDay, toDay] (both included, at most 366 days), oldest first, without the
 * breakdowns: a day without calls is scored from the role's settings, not its peers' baselines.
 */
export async function listEmployeeScoreTrend(
  db: Db,
  viewer: Viewer,
  employeeId: number,
  fromDay: string,
  toDay: string,
  options: { now?: number } = {},
): Promise<DayScoreSummary[]> {
  assertDayKey(fromDay);
  assertDayKey(toDay);
  const span = diffDays(fromDay, toDay);
  if (span < 0 || span >= MAX_TREND_DAYS) {
    throw new AppError("VALIDATION", `Choose a range of 1 to ${MAX_TREND_DAYS} days, oldest first.`);
  }
  const employee = await getVisibleEmployee(db, viewer, employeeId);
  const organization = await requireOrganization(db, viewer.organizationId);
  await scheduleScoreDrainIfQueued(db, organization.id);
  const rows = await listDailyScores(db, { organizationId: organization.id, employeeIds: [employee.id], from: fromDay, to: toDay });
  const rowByDay = new Map(rows.map((row) => [row.dayKey, row]));
  const role = getRoleKey(employee.title);
  const today = getEmployeeToday(employee, organization, options.now ?? Date.now());
  const lastScorable: DayKey = toDay < today ? toDay : today;
  const callFree = (await listCallFreeScores(db, organization, { roles: [role], from: fromDay, to: lastScorable })).get(role)!;
  return listDayKeys(fromDay, toDay).map((dayKey) => {
    const row = rowByDay.get(dayKey);
    if (row) return toStoredDayScore(row);
    return buildCallFreeDaySummary({ employeeId: employee.id, dayKey, role }, callFree.get(dayKey) ?? null);
  });
}
