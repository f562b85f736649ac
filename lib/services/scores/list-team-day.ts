import type { Db } from "@/db/client";
import { listDailyScores, listMappedDialpadUsers } from "@/db/queries/scores";
import type { Employee } from "@/db/schema";
import type { ScoreBreakdown } from "@/lib/scoring/score";
import type { Viewer } from "@/lib/services/access/viewer";
import { listVisibleEmployees } from "@/lib/services/access/visible-employees";
import { scoreCallFreeDays } from "./call-free-days";
import { scheduleScoreDrainIfQueued } from "./schedule-score-drain";
import { buildCallFreeDayScore, toStoredDayScore, type DayScore } from "./day-score";
import { assertDayKey, getEmployeeToday, requireOrganization } from "./read-context";
import { getEmployeeTimeZone, getRoleKey } from "./scoring-context";

export interface TeamDayRow {
  employee: Employee;
  timeZone: string;
  /** Null: not mapped to a Dialpad user, so no calls are attributed. */
  dialpadUserId: string | null;
  day: DayScore;
}

/** Every active employee the viewer may see, with their score for their own local day `dayKey`, by name. */
export async function listTeamDay(
  db: Db,
  viewer: Viewer,
  dayKey: string,
  options: { now?: number } = {},
): Promise<TeamDayRow[]> {
  assertDayKey(dayKey);
  const now = options.now ?? Date.now();
  const organization = await requireOrganization(db, viewer.organizationId);
  await scheduleScoreDrainIfQueued(db, organization.id);
  const employees = await listVisibleEmployees(db, viewer);
  const ids = employees.map((employee) => employee.id);
  const rows = await listDailyScores(db, { organizationId: organization.id, from: dayKey, to: dayKey, employeeIds: ids });
  const rowByEmployee = new Map(rows.map((row) => [row.employeeId, row]));
  const links = await listMappedDialpadUsers(db, organization.id, ids);
  const callFreeByRole = new Map<string, ScoreBreakdown>();
  for (const employee of employees) {
    const role = getRoleKey(employee.title);
    if (rowByEmployee.has(employee.id) || callFreeByRole.has(role)) continue;
    const breakdowns = await scoreCallFreeDays(db, organization, { role, from: dayKey, to: dayKey });
    callFreeByRole.set(role, breakdowns.get(dayKey)!);
  }
  return employees.map((employee) => {
    const row = rowByEmployee.get(employee.id);
    const role = getRoleKey(employee.title);
    const isFuture = dayKey > getEmployeeToday(employee, organization, now);
    const day = row
      ? toStoredDayScore(row)
      : buildCallFreeDayScore({ employeeId: employee.id, dayKey, role }, isFuture ? null : callFreeByRole.get(role)!);
    return { employee, timeZone: getEmployeeTimeZone(employee, organization), dialpadUserId: links.get(employee.id) ?? null, day };
  });
}
