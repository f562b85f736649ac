// The range view's one read of stored scores: every person-day in a range, score columns only.
import { and, asc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dailyScores } from "@/db/schema";

export interface RangeScoreRow {
  employeeId: number;
  dayKey: string;
  score: number | null;
  noScoreReason: string | null;
  /** Facts stored, score not yet (breakdown ""): the recompute has not reached the day. */
  isPending: boolean;
}

/**
 * The organization's stored days in [from, to]. `employeeIds` null reads the whole organization
 * through daily_scores_org_day_idx (an admin sees everyone, and a 2,000-id IN list would only slow
 * the plan); a list is read through daily_scores_employee_day_uq. The breakdown JSON is not read.
 */
export async function listRangeScores(
  db: Db,
  params: { organizationId: number; from: string; to: string; employeeIds: number[] | null },
): Promise<RangeScoreRow[]> {
  if (params.employeeIds !== null && params.employeeIds.length === 0) return [];
  const rows = await db
    .select({
      employeeId: dailyScores.employeeId,
      dayKey: dailyScores.dayKey,
      score: dailyScores.score,
      noScoreReason: dailyScores.noScoreReason,
      pending: sql<number>`case when ${dailyScores.breakdown} = '' then 1 else 0 end`,
    })
    .from(dailyScores)
    .where(
      and(
        eq(dailyScores.organizationId, params.organizationId),
        params.employeeIds === null ? undefined : inArray(dailyScores.employeeId, params.employeeIds),
        gte(dailyScores.dayKey, params.from),
        lte(dailyScores.dayKey, params.to),
      ),
    )
    .orderBy(asc(dailyScores.employeeId), asc(dailyScores.dayKey));
  return rows.map(({ pending, ...row }) => ({ ...row, isPending: Number(pending) === 1 }));
}
