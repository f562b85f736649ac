// The range view's one read of stored scores: every person-day in a range, score columns only.
import { and, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dailyScores } from "@/db/schema";
import { queryRows } from "../engines/raw";

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
  const inEmployees = params.employeeIds === null ? undefined : inArray(dailyScores.employeeId, params.employeeIds);
  // Plain rows from the driver: a month of 200 people is 6,200 rows, and drizzle's mapping of each
  // was a large part of the page's time. No ORDER BY: the caller looks rows up by person and day.
  const rows = await queryRows<{ employee_id: number; day_key: string; score: number | null; no_score_reason: string | null; pending: number }>(
    db,
    sql`SELECT ${dailyScores.employeeId} AS employee_id, ${dailyScores.dayKey} AS day_key, ${dailyScores.score} AS score,
      ${dailyScores.noScoreReason} AS no_score_reason, CASE WHEN ${dailyScores.breakdown} = '' THEN 1 ELSE 0 END AS pending
      FROM ${dailyScores}
      WHERE ${and(eq(dailyScores.organizationId, params.organizationId), inEmployees, gte(dailyScores.dayKey, params.from), lte(dailyScores.dayKey, params.to))}`,
  );
  return rows.map((row) => ({
    employeeId: Number(row.employee_id),
    dayKey: row.day_key,
    score: row.score === null ? null : Number(row.score),
    noScoreReason: row.no_score_reason,
    isPending: Number(row.pending) === 1,
  }));
}
