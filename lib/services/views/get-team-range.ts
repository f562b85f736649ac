import type { Db } from "@/db/client";
import { listRangeScores, type RangeScoreRow } from "@/db/queries/team-range";
import { addDays, getDayKeyForInstant, listDayKeys, type DayKey } from "@/lib/dates";
import { isWorkDay } from "@/lib/scoring/score";
import type { Viewer } from "@/lib/services/access/viewer";
import { getViewerOrganization } from "@/lib/services/organizations/get-organization";
import { scheduleScoreDrainIfQueued } from "@/lib/services/scores/schedule-score-drain";
import { parseWorkWeek } from "@/lib/services/scores/scoring-context";
import { resolvePersonDay, type PersonDay } from "./person-day";
import { parseDayRange, type DayRange } from "./range-param";
import { createSyncedDayCheck, listRangePeople, scoreCallFreeRangeScores } from "./range-people";
import { getSyncedHistory } from "./synced-history";

export const MAX_RANGE_DAYS = 31;
export const DEFAULT_RANGE_DAYS = 7;

export interface RangeDay {
  dayKey: DayKey;
  isWorkDay: boolean;
  isToday: boolean;
  /** Mean of the scores shown that day, rounded; null when nobody has one. */
  average: number | null;
  scoredCount: number;
}

export interface RangeRow {
  employeeId: number;
  name: string;
  title: string | null;
  /** One per day of the range, oldest first. */
  days: PersonDay[];
}

export interface TeamRange {
  range: DayRange;
  /** The organization's current local day. */
  today: DayKey;
  days: RangeDay[];
  rows: RangeRow[];
  /** Why the asked-for range was not shown (the default range is shown instead); null when it was. */
  rejection: string | null;
}

/**
 * People × days for at most MAX_RANGE_DAYS days: one read of the stored scores for everyone, and
 * days without calls scored once per role. Default: the DEFAULT_RANGE_DAYS days ending today.
 */
export async function getTeamRange(
  db: Db,
  viewer: Viewer,
  options: { from: unknown; to: unknown; now?: number },
): Promise<TeamRange> {
  const now = options.now ?? Date.now();
  const organization = await getViewerOrganization(db, viewer);
  const today = getDayKeyForInstant(now, organization.timezone, organization.dayStartHour);
  const fallback = { from: addDays(today, -(DEFAULT_RANGE_DAYS - 1)), to: today };
  const parsed = parseDayRange(options, { maxDays: MAX_RANGE_DAYS, fallback, fallbackDays: DEFAULT_RANGE_DAYS });
  const range = parsed.ok ? parsed.range : fallback;
  await scheduleScoreDrainIfQueued(db, organization.id);
  const people = await listRangePeople(db, viewer, organization, now);
  const stored = await listRangeScores(db, {
    organizationId: organization.id,
    ...range,
    employeeIds: viewer.role === "admin" ? null : people.map((person) => person.employee.id),
  });
  const storedByPerson = new Map<number, Map<string, RangeScoreRow>>();
  for (const row of stored) {
    let days = storedByPerson.get(row.employeeId);
    if (!days) storedByPerson.set(row.employeeId, (days = new Map()));
    days.set(row.dayKey, row);
  }
  const callFree = await scoreCallFreeRangeScores(db, organization, people, range);
  const isSynced = createSyncedDayCheck(await getSyncedHistory(db, organization.id), organization.dayStartHour);
  const dayKeys = listDayKeys(range.from, range.to);
  const rows = people.map(({ employee, isMapped, role, timeZone, today: personToday }): RangeRow => {
    const storedDays = storedByPerson.get(employee.id);
    const roleDays = callFree.get(role);
    return {
      employeeId: employee.id,
      name: employee.name,
      title: employee.title,
      days: dayKeys.map((dayKey) =>
        resolvePersonDay({
          stored: storedDays?.get(dayKey),
          callFree: roleDays?.get(dayKey),
          isFuture: dayKey > personToday,
          isMapped,
          isSynced: isSynced(timeZone, dayKey),
        }),
      ),
    };
  });
  const workWeek = parseWorkWeek(organization.workWeek);
  const days = dayKeys.map((dayKey, index): RangeDay => {
    const scores = rows.flatMap((row) => (row.days[index]!.score === null ? [] : [row.days[index]!.score!]));
    return {
      dayKey,
      isWorkDay: isWorkDay(dayKey, workWeek),
      isToday: dayKey === today,
      average: scores.length === 0 ? null : Math.round(scores.reduce((sum, score) => sum + score, 0) / scores.length),
      scoredCount: scores.length,
    };
  });
  return { range, today, days, rows, rejection: parsed.ok ? null : parsed.message };
}
