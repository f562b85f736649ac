import type { Db } from "@/db/client";
import { listDailyScores } from "@/db/queries/scores";
import type { Employee, Organization } from "@/db/schema";
import { listDayKeys, type DayKey } from "@/lib/dates";
import type { ScoreBreakdown } from "@/lib/scoring/score";
import { scoreCallFreeDays } from "@/lib/services/scores/call-free-days";
import { getEmployeeToday } from "@/lib/services/scores/get-employee-day-score";
import { getRoleKey } from "@/lib/services/scores/scoring-context";
import { listTrailingDays } from "./day-param";

export const SPARKLINE_DAYS = 14;

/**
 * Each employee's scores for the SPARKLINE_DAYS days ending `dayKey`, oldest first: one indexed
 * read of the stored rows for everyone, and days without calls scored once per role.
 * Callers pass employees they have already authorized.
 */
export async function listTeamSparklines(
  db: Db,
  organization: Organization,
  params: { employees: (Employee & { isMapped: boolean })[]; dayKey: DayKey; now: number },
): Promise<Map<number, (number | null)[]>> {
  const range = listTrailingDays(params.dayKey, SPARKLINE_DAYS);
  const days = listDayKeys(range.from, range.to);
  const stored = await listDailyScores(db, {
    organizationId: organization.id,
    ...range,
    employeeIds: params.employees.map((e) => e.id),
  });
  const storedByKey = new Map(stored.map((row) => [`${row.employeeId}|${row.dayKey}`, row.score]));
  const callFreeByRole = new Map<string, Map<DayKey, ScoreBreakdown>>();
  for (const role of new Set(params.employees.map((e) => getRoleKey(e.title)))) {
    callFreeByRole.set(role, await scoreCallFreeDays(db, organization, { role, ...range }));
  }
  return new Map(
    params.employees.map((employee) => {
      const today = getEmployeeToday(employee, organization, params.now);
      const callFree = callFreeByRole.get(getRoleKey(employee.title))!;
      const scores = days.map((dayKey) => {
        const key = `${employee.id}|${dayKey}`;
        if (storedByKey.has(key)) return storedByKey.get(key)!;
        // Unmapped people have no phone data, so days without a stored row have no score.
        return dayKey > today || !employee.isMapped ? null : (callFree.get(dayKey)?.score ?? null);
      });
      return [employee.id, scores];
    }),
  );
}
