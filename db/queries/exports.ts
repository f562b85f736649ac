// Reads for the CSV exports: bounded batches, so an export never holds more than one in memory.
import { and, asc, eq, gt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { callDayEntries, calls, dailyScores } from "@/db/schema";
import { employeesDaysCondition, type EmployeesDays } from "./scores";

/** daily_scores_employee_day_uq: the listed employees' stored days in [from, to], breakdown included. */
export async function listScoreExportBatch(
  db: Db,
  params: EmployeesDays,
) {
  if (params.employeeIds.length === 0) return [];
  return db
    .select({
      employeeId: dailyScores.employeeId,
      dayKey: dailyScores.dayKey,
      score: dailyScores.score,
      noScoreReason: dailyScores.noScoreReason,
      breakdown: dailyScores.breakdown,
      talkMs: dailyScores.talkMs,
      connectedCalls: dailyScores.connectedCalls,
      voicemailsLeft: dailyScores.voicemailsLeft,
      missedCalls: dailyScores.missedCalls,
    })
    .from(dailyScores)
    .where(employeesDaysCondition(params));
}

export type ScoreExportRow = Awaited<ReturnType<typeof listScoreExportBatch>>[number];

export interface CallEntryCursor {
  startedAt: number;
  callId: number;
}

/**
 * call_day_entries_uq, then the calls primary key: one page of the employee-day's legs in start
 * order, after `after` (keyset: start time, then call id).
 */
export async function listCallExportPage(
  db: Db,
  params: { organizationId: number; employeeId: number; dayKey: string; after: CallEntryCursor | null; limit: number },
) {
  const { after } = params;
  return db
    .select({
      callId: calls.id,
      direction: calls.direction,
      startedAt: calls.startedAt,
      connectedAt: calls.connectedAt,
      endedAt: calls.endedAt,
      externalNumber: calls.externalNumber,
      contactName: calls.contactName,
      isInternal: calls.isInternal,
      kind: callDayEntries.kind,
      reason: callDayEntries.reason,
      isFlagged: callDayEntries.isFlagged,
      countedMs: callDayEntries.countedMs,
      contributionMs: callDayEntries.contributionMs,
    })
    .from(callDayEntries)
    .innerJoin(calls, and(eq(calls.organizationId, callDayEntries.organizationId), eq(calls.id, callDayEntries.callId)))
    .where(
      and(
        eq(callDayEntries.organizationId, params.organizationId),
        eq(callDayEntries.employeeId, params.employeeId),
        eq(callDayEntries.dayKey, params.dayKey),
        after === null
          ? undefined
          : or(gt(calls.startedAt, after.startedAt), and(eq(calls.startedAt, after.startedAt), gt(calls.id, after.callId))),
      ),
    )
    .orderBy(asc(calls.startedAt), asc(calls.id))
    .limit(params.limit);
}

export type CallExportRow = Awaited<ReturnType<typeof listCallExportPage>>[number];
