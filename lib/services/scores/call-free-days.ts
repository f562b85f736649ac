// Scores for days no call touched, from the stored rows of the role's trailing window: views never
// read raw calls, and days without calls need no row of their own.
import type { Db } from "@/db/client";
import { listHiddenEmployeeIds } from "@/db/queries/privacy";
import { listRoleActiveDays, listScoreSettings } from "@/db/queries/scores";
import type { Organization } from "@/db/schema";
import { diffDays, type DayKey } from "@/lib/dates";
import { isWorkDay, type ScoreBreakdown } from "@/lib/scoring/score";
import { computeRoleBaselinesForDays, getBaselineSourceRange, groupActiveDays, scoreDayValues } from "./role-baselines";
import { parseWorkWeek, resolveRoleSettings } from "./scoring-context";

/** The breakdown of a day without calls for each day in [from, to], for one role. */
export async function scoreCallFreeDays(
  db: Db,
  organization: Organization,
  params: { role: string; from: DayKey; to: DayKey },
): Promise<Map<DayKey, ScoreBreakdown>> {
  const result = new Map<DayKey, ScoreBreakdown>();
  if (diffDays(params.from, params.to) < 0) return result;
  const settings = resolveRoleSettings(await listScoreSettings(db, organization.id), params.role);
  const source = getBaselineSourceRange(params.from, params.to);
  const active = await listRoleActiveDays(db, { organizationId: organization.id, role: params.role, ...source });
  const hidden = await listHiddenEmployeeIds(db, organization.id);
  const activeByDay = groupActiveDays(active.filter((row) => !hidden.has(row.employeeId)));
  const workWeek = parseWorkWeek(organization.workWeek);
  const zero = { talkMs: 0, connectedCalls: 0 };
  for (const [dayKey, baselines] of computeRoleBaselinesForDays(activeByDay, params.from, params.to, settings.targets)) {
    result.set(dayKey, scoreDayValues(zero, baselines, settings.weights, isWorkDay(dayKey, workWeek)));
  }
  return result;
}
