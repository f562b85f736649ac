// Who a range view or export covers, and what each of their days can show: shared by the range
// heat map and the CSV exports so both say the same thing about the same person-day.
import type { Db } from "@/db/client";
import { listMappedDialpadUsers } from "@/db/queries/scores";
import type { Employee, Organization } from "@/db/schema";
import { getLocalDayBounds, type DayKey } from "@/lib/dates";
import type { CallFreeScore } from "@/lib/scoring/call-free-score";
import type { ScoreBreakdown } from "@/lib/scoring/score";
import type { Viewer } from "@/lib/services/access/viewer";
import { listVisibleEmployees } from "@/lib/services/access/visible-employees";
import { listCallFreeScores, scoreCallFreeDays } from "@/lib/services/scores/call-free-days";
import { getEmployeeToday } from "@/lib/services/scores/read-context";
import { getEmployeeTimeZone, getRoleKey } from "@/lib/services/scores/scoring-context";
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

export type { CallFreeScore };

/** Only the scores of days no call touched, per role of `people`, for views that show no baselines (see listCallFreeScores). */
export async function scoreCallFreeRangeScores(
  db: Db,
  organization: Organization,
  people: readonly Pick<RangePerson, "role">[],
  range: DayRange,
): Promise<Map<string, Map<DayKey, CallFreeScore>>> {
  return listCallFreeScores(db, organization, { roles: people.map((person) => person.role), ...range });
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
