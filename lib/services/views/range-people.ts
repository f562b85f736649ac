// Who a range view or export covers, and what each of their days can show: shared by the range
// heat map and the CSV exports so both say the same thing about the same person-day.
import type { Db } from "@/db/client";
import { listMappedDialpadUsers, listScoreSettings } from "@/db/queries/scores";
import type { Employee, Organization } from "@/db/schema";
import { getLocalDayBounds, listDayKeys, type DayKey } from "@/lib/dates";
import { computeScore, isWorkDay, signalKeys, type ScoreBreakdown } from "@/lib/scoring/score";
import type { Viewer } from "@/lib/services/access/viewer";
import { listVisibleEmployees } from "@/lib/services/access/visible-employees";
import { scoreCallFreeDays } from "@/lib/services/scores/call-free-days";
import { getEmployeeToday } from "@/lib/services/scores/read-context";
import { getEmployeeTimeZone, getRoleKey, parseWorkWeek, resolveRoleSettings } from "@/lib/services/scores/scoring-context";
import type { DayRange } from "./range-param";
import { isDaySynced, type SyncedHistory } from "./synced-history";

export interface RangePerson {
  employee: Employee;
  isMapped: boolean;
  role: string;
  timeZone: string;
  /** The person's current local day: later days are not over yet. */
  today: DayKey;
}

/** The viewer's active people by name, hidden people left out (they get no score views or exports). */
export async function listRangePeople(
  db: Db,
  viewer: Viewer,
  organization: Organization,
  now: number,
): Promise<RangePerson[]> {
  const employees = (await listVisibleEmployees(db, viewer)).filter((employee) => employee.hiddenAt === null);
  return toRangePeople(db, organization, employees, now);
}

/** Employees the caller has already authorized, as RangePeople. */
export async function toRangePeople(db: Db, organization: Organization, employees: Employee[], now: number): Promise<RangePerson[]> {
  const links = await listMappedDialpadUsers(db, organization.id, employees.map((employee) => employee.id));
  // Most people share a few zones: each zone's current day is worked out once.
  const todayByZone = new Map<string, DayKey>();
  return employees.map((employee) => {
    const timeZone = getEmployeeTimeZone(employee, organization);
    let today = todayByZone.get(timeZone);
    if (today === undefined) {
      today = getEmployeeToday(employee, organization, now);
      todayByZone.set(timeZone, today);
    }
    return { employee, isMapped: links.has(employee.id), role: getRoleKey(employee.title), timeZone, today };
  });
}

/** Scores of days no call touched, per role of `people`, for every day of `range`. */
export async function scoreCallFreeRange(
  db: Db,
  organization: Organization,
  people: readonly RangePerson[],
  range: DayRange,
): Promise<Map<string, Map<DayKey, ScoreBreakdown>>> {
  const byRole = new Map<string, Map<DayKey, ScoreBreakdown>>();
  for (const role of new Set(people.map((person) => person.role))) {
    byRole.set(role, await scoreCallFreeDays(db, organization, { role, ...range }));
  }
  return byRole;
}

export type CallFreeScore = Pick<ScoreBreakdown, "score" | "noScoreReason">;

/**
 * Only the scores of days no call touched, for views that show no baselines. A day without calls has
 * every signal at 0, which earns 0 points against any positive baseline: when each weighted signal of
 * the role has a positive default target, the peers' baselines cannot change the score and are not read.
 */
export async function scoreCallFreeRangeScores(
  db: Db,
  organization: Organization,
  people: readonly Pick<RangePerson, "role">[],
  range: DayRange,
): Promise<Map<string, Map<DayKey, CallFreeScore>>> {
  const settingsRows = await listScoreSettings(db, organization.id);
  const workWeek = parseWorkWeek(organization.workWeek);
  const byRole = new Map<string, Map<DayKey, CallFreeScore>>();
  for (const role of new Set(people.map((person) => person.role))) {
    const { weights, targets } = resolveRoleSettings(settingsRows, role);
    if (signalKeys.some((key) => weights[key] > 0 && !(targets[key] > 0))) {
      byRole.set(role, await scoreCallFreeDays(db, organization, { role, ...range }));
      continue;
    }
    const signals = signalKeys.map((key) => ({ key, value: 0, weight: weights[key], baseline: { value: targets[key], source: "default" as const, days: 0 } }));
    const scores = new Map<DayKey, CallFreeScore>();
    for (const dayKey of listDayKeys(range.from, range.to)) {
      const { score, noScoreReason } = computeScore({ signals, isWorkDay: isWorkDay(dayKey, workWeek) });
      scores.set(dayKey, { score, noScoreReason });
    }
    byRole.set(role, scores);
  }
  return byRole;
}

/** isDaySynced for a person's local day, with each zone's day bounds worked out once. */
export function createSyncedDayCheck(history: SyncedHistory, dayStartHour: number): (timeZone: string, dayKey: DayKey) => boolean {
  const cache = new Map<string, boolean>();
  return (timeZone, dayKey) => {
    const key = `${timeZone}|${dayKey}`;
    let isSynced = cache.get(key);
    if (isSynced === undefined) {
      isSynced = isDaySynced(getLocalDayBounds(dayKey, timeZone, dayStartHour), history);
      cache.set(key, isSynced);
    }
    return isSynced;
  };
}
