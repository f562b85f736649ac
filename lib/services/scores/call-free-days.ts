// Scores for days no call touched, from the stored rows of the role's trailing window: views never
// read raw calls, and days without calls need no row of their own.
import type { Db } from "@/db/client";
import { listHiddenEmployeeIds } from "@/db/queries/privacy";
import { listRoleActiveDays, listScoreSettings } from "@/db/queries/scores";
import type { Organization } from "@/db/schema";
import { diffDays, listDayKeys, type DayKey } from "@/lib/dates";
import { getCallFreeScore, type CallFreeScore } from "@/lib/scoring/call-free-score";
import { isWorkDay, type ScoreBreakdown } from "@/lib/scoring/score";
import { computeRoleBaselinesForDays, getBaselineSourceRange, groupActiveDays, scoreDayValues } from "./role-baselines";
import { parseWorkWeek, resolveRoleSettings, type RoleSettings } from "./scoring-context";

type DayRange = { from: DayKey; to: DayKey };

/** The breakdown of a day without calls for each day in [from, to], for one role: it reads the role's peers. */
export async function scoreCallFreeDays(
  db: Db,
  organization: Organization,
  params: DayRange & { role: string },
): Promise<Map<DayKey, ScoreBreakdown>> {
  if (diffDays(params.from, params.to) < 0) return new Map();
  const settings = resolveRoleSettings(await listScoreSettings(db, organization.id), params.role);
  return scoreRoleCallFreeDays(db, organization, settings, params);
}

/**
 * Only the score and reason of a day without calls, per role and day in [from, to], for views that
 * show no baselines: from the settings alone (see getCallFreeScore), reading a role's peers only when
 * every weighted signal of it has a default target ≤ 0.
 */
export async function listCallFreeScores(
  db: Db,
  organization: Organization,
  params: DayRange & { roles: Iterable<string> },
): Promise<Map<string, Map<DayKey, CallFreeScore>>> {
  const byRole = new Map<string, Map<DayKey, CallFreeScore>>();
  const roles = new Set(params.roles);
  if (roles.size === 0 || diffDays(params.from, params.to) < 0) return new Map([...roles].map((role) => [role, new Map()]));
  const settingsRows = await listScoreSettings(db, organization.id);
  const workWeek = parseWorkWeek(organization.workWeek);
  const dayKeys = listDayKeys(params.from, params.to);
  for (const role of roles) {
    const settings = resolveRoleSettings(settingsRows, role);
    const scores = new Map<DayKey, CallFreeScore>();
    byRole.set(role, scores);
    for (const dayKey of dayKeys) {
      const score = getCallFreeScore(settings, isWorkDay(dayKey, workWeek));
      if (score === null) break;
      scores.set(dayKey, score);
    }
    if (scores.size === dayKeys.length) continue;
    for (const [dayKey, { score, noScoreReason }] of await scoreRoleCallFreeDays(db, organization, settings, params)) {
      scores.set(dayKey, { score, noScoreReason });
    }
  }
  return byRole;
}

async function scoreRoleCallFreeDays(
  db: Db,
  organization: Organization,
  settings: RoleSettings,
  range: DayRange,
): Promise<Map<DayKey, ScoreBreakdown>> {
  const source = getBaselineSourceRange(range.from, range.to);
  const active = await listRoleActiveDays(db, { organizationId: organization.id, role: settings.role, ...source });
  const hidden = await listHiddenEmployeeIds(db, organization.id);
  const activeByDay = groupActiveDays(active.filter((row) => !hidden.has(row.employeeId)));
  const workWeek = parseWorkWeek(organization.workWeek);
  const zero = { talkMs: 0, connectedCalls: 0 };
  const result = new Map<DayKey, ScoreBreakdown>();
  for (const [dayKey, baselines] of computeRoleBaselinesForDays(activeByDay, range.from, range.to, settings.targets)) {
    result.set(dayKey, scoreDayValues(zero, baselines, settings.weights, isWorkDay(dayKey, workWeek)));
  }
  return result;
}
