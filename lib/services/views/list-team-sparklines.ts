import type { Db } from "@/db/client";
import { listTeamScoreHistory } from "@/db/queries/team-day";
import type { Organization } from "@/db/schema";
import { listDayKeys, type DayKey } from "@/lib/dates";
import { isWorkDay } from "@/lib/scoring/score";
import { getRoleKey, parseWorkWeek } from "@/lib/services/scores/scoring-context";
import { listTrailingDays } from "./day-param";
import { scoreCallFreeRangeScores, type CallFreeScore } from "./range-people";

export const SPARKLINE_DAYS = 14;

export type SparklinePoint = { dayKey: DayKey; score: number | null };

type SparklinePerson = { id: number; title: string | null; isMapped: boolean; today: DayKey };

/**
 * Each listed person's scores for the SPARKLINE_DAYS days ending `dayKey`, oldest first: one indexed
 * read of the stored rows, and the work days without calls scored once per role. `firstSyncedDay`:
 * the first day Daymark read from Dialpad (null: none yet). Callers pass people they have already
 * authorized: a page of them, not everyone.
 */
export async function listTeamSparklines(
  db: Db,
  organization: Organization,
  params: { people: SparklinePerson[]; dayKey: DayKey; firstSyncedDay: DayKey | null },
): Promise<Map<number, SparklinePoint[]>> {
  const range = listTrailingDays(params.dayKey, SPARKLINE_DAYS);
  const days = listDayKeys(range.from, range.to);
  const stored = await listTeamScoreHistory(db, {
    organizationId: organization.id,
    ...range,
    employeeIds: params.people.map((person) => person.id),
  });
  const storedByKey = new Map(stored.map((row) => [`${row.employeeId}|${row.dayKey}`, row.score]));
  const workWeek = parseWorkWeek(organization.workWeek);
  const { firstSyncedDay } = params;
  // A day without calls has a score only on a work day the person was mapped for, Daymark had read and
  // had begun: unmapped people have no phone data, unsynced days no data at all (no score, not 0).
  const needsCallFreeScore = (person: SparklinePerson, dayKey: DayKey) =>
    !storedByKey.has(`${person.id}|${dayKey}`) && person.isMapped && firstSyncedDay !== null &&
    dayKey >= firstSyncedDay && dayKey <= person.today && isWorkDay(dayKey, workWeek);
  const callFreeByRole = await scoreNeededCallFreeDays(db, organization, params.people, days, needsCallFreeScore);
  return new Map(
    params.people.map((person) => {
      const callFree = callFreeByRole.get(getRoleKey(person.title));
      const points = days.map((dayKey): SparklinePoint => {
        const key = `${person.id}|${dayKey}`;
        if (storedByKey.has(key)) return { dayKey, score: storedByKey.get(key)! };
        return { dayKey, score: needsCallFreeScore(person, dayKey) ? (callFree?.get(dayKey)?.score ?? null) : null };
      });
      return [person.id, points];
    }),
  );
}

/** Scores days without calls per role over just the span that needs them (baselines are read only where they can matter). */
async function scoreNeededCallFreeDays(
  db: Db,
  organization: Organization,
  people: SparklinePerson[],
  days: DayKey[],
  isNeeded: (person: SparklinePerson, dayKey: DayKey) => boolean,
): Promise<Map<string, Map<DayKey, CallFreeScore>>> {
  const neededByRole = new Map<string, DayKey[]>();
  for (const person of people) {
    const needed = days.filter((dayKey) => isNeeded(person, dayKey));
    if (needed.length > 0) neededByRole.set(getRoleKey(person.title), [...(neededByRole.get(getRoleKey(person.title)) ?? []), ...needed]);
  }
  const result = new Map<string, Map<DayKey, CallFreeScore>>();
  for (const [role, needed] of neededByRole) {
    const sorted = [...new Set(needed)].sort();
    const scores = await scoreCallFreeRangeScores(db, organization, [{ role }], { from: sorted[0]!, to: sorted[sorted.length - 1]! });
    result.set(role, scores.get(role)!);
  }
  return result;
}

/** The mean of the scored days among the 7 before the last point (the shown day); null when none has a score. */
export function getSevenDayAverage(points: readonly SparklinePoint[]): number | null {
  const previous = points.slice(-8, -1).flatMap((point) => (point.score === null ? [] : [point.score]));
  return previous.length === 0 ? null : previous.reduce((a, b) => a + b, 0) / previous.length;
}
