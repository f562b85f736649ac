import type { Db } from "@/db/client";
import { listTeamScoreHistory } from "@/db/queries/team-day";
import type { Organization } from "@/db/schema";
import { listDayKeys, type DayKey } from "@/lib/dates";
import type { ScoreBreakdown } from "@/lib/scoring/score";
import { scoreCallFreeDays } from "@/lib/services/scores/call-free-days";
import { getRoleKey } from "@/lib/services/scores/scoring-context";
import { listTrailingDays } from "./day-param";

export const SPARKLINE_DAYS = 14;

export type SparklinePoint = { dayKey: DayKey; score: number | null };

type SparklinePerson = { id: number; title: string | null; isMapped: boolean; today: DayKey };

/**
 * Each listed person's scores for the SPARKLINE_DAYS days ending `dayKey`, oldest first: one indexed
 * read of the stored rows, and days without calls scored once per role. A day without calls has no
 * score before `firstSyncedDay` (nothing was read from Dialpad; null: no day was) or after the
 * person's today. Callers pass people they have already authorized: a page of them, not everyone.
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
  const callFreeByRole = new Map<string, Map<DayKey, ScoreBreakdown>>();
  for (const role of new Set(params.people.filter((p) => p.isMapped).map((p) => getRoleKey(p.title)))) {
    callFreeByRole.set(role, await scoreCallFreeDays(db, organization, { role, ...range }));
  }
  const { firstSyncedDay } = params;
  return new Map(
    params.people.map((person) => {
      const callFree = callFreeByRole.get(getRoleKey(person.title));
      const points = days.map((dayKey): SparklinePoint => {
        const key = `${person.id}|${dayKey}`;
        if (storedByKey.has(key)) return { dayKey, score: storedByKey.get(key)! };
        // Unmapped people have no phone data, and unsynced days no data at all: no score, not 0.
        const isKnown = person.isMapped && firstSyncedDay !== null && dayKey >= firstSyncedDay && dayKey <= person.today;
        return { dayKey, score: isKnown ? (callFree?.get(dayKey)?.score ?? null) : null };
      });
      return [person.id, points];
    }),
  );
}

/** The mean of the scored days among the 7 before the last point (the shown day); null when none has a score. */
export function getSevenDayAverage(points: readonly SparklinePoint[]): number | null {
  const previous = points.slice(-8, -1).flatMap((point) => (point.score === null ? [] : [point.score]));
  return previous.length === 0 ? null : previous.reduce((a, b) => a + b, 0) / previous.length;
}
