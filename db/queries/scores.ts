// Reads of stored scores and score settings. Every query is scoped by organization.
import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  callDayEntries,
  calls,
  dailyScores,
  employeeDialpadLinks,
  scoreSettings,
  type DailyScore,
  type ScoreSetting,
} from "@/db/schema";

type DayRange = { organizationId: number; from: string; to: string };

/** daily_scores_org_role_day_idx: the role's active days in a range, for baselines. */
export async function listRoleActiveDays(
  db: Db,
  params: DayRange & { role: string },
): Promise<{ dayKey: string; talkMs: number; connectedCalls: number }[]> {
  return db
    .select({ dayKey: dailyScores.dayKey, talkMs: dailyScores.talkMs, connectedCalls: dailyScores.connectedCalls })
    .from(dailyScores)
    .where(
      and(
        eq(dailyScores.organizationId, params.organizationId),
        eq(dailyScores.role, params.role),
        gte(dailyScores.dayKey, params.from),
        lte(dailyScores.dayKey, params.to),
        eq(dailyScores.hasActivity, true),
      ),
    )
    .all();
}

/** The listed employees' rows over a range of days (from = to for one day), oldest first. */
export async function listDailyScores(
  db: Db,
  params: DayRange & { employeeIds: number[] },
): Promise<DailyScore[]> {
  if (params.employeeIds.length === 0) return [];
  return db
    .select()
    .from(dailyScores)
    .where(
      and(
        eq(dailyScores.organizationId, params.organizationId),
        inArray(dailyScores.employeeId, params.employeeIds),
        gte(dailyScores.dayKey, params.from),
        lte(dailyScores.dayKey, params.to),
      ),
    )
    .orderBy(asc(dailyScores.dayKey))
    .all();
}

export const dayCallColumns = {
  callId: calls.id,
  dialpadCallId: calls.dialpadCallId,
  direction: calls.direction,
  state: calls.state,
  startedAt: calls.startedAt,
  rangAt: calls.rangAt,
  connectedAt: calls.connectedAt,
  endedAt: calls.endedAt,
  externalNumber: calls.externalNumber,
  contactName: calls.contactName,
  targetName: calls.targetName,
  isInternal: calls.isInternal,
  isTransferred: calls.isTransferred,
  hasVoicemail: calls.hasVoicemail,
  wasRecorded: calls.wasRecorded,
  kind: callDayEntries.kind,
  reason: callDayEntries.reason,
  isFlagged: callDayEntries.isFlagged,
  isStartDay: callDayEntries.isStartDay,
  countsAsConnectedCall: callDayEntries.countsAsConnectedCall,
  countedMs: callDayEntries.countedMs,
  contributionMs: callDayEntries.contributionMs,
};

/** call_day_entries_uq, then the calls primary key: the day's entries with their calls, by start time. */
export async function listDayCallEntries(db: Db, params: { organizationId: number; employeeId: number; dayKey: string }) {
  return db
    .select(dayCallColumns)
    .from(callDayEntries)
    .innerJoin(calls, eq(calls.id, callDayEntries.callId))
    .where(
      and(
        eq(callDayEntries.employeeId, params.employeeId),
        eq(callDayEntries.dayKey, params.dayKey),
        eq(callDayEntries.organizationId, params.organizationId),
      ),
    )
    .orderBy(asc(calls.startedAt), asc(calls.dialpadCallId))
    .all();
}

export type DayCallEntryRow = Awaited<ReturnType<typeof listDayCallEntries>>[number];

/** The Dialpad user each listed employee is mapped to (employees without a mapped user are absent). */
export async function listMappedDialpadUsers(db: Db, organizationId: number, employeeIds: number[]): Promise<Map<number, string>> {
  if (employeeIds.length === 0) return new Map();
  const rows = db
    .select({ employeeId: employeeDialpadLinks.employeeId, dialpadUserId: employeeDialpadLinks.dialpadUserId })
    .from(employeeDialpadLinks)
    .where(and(eq(employeeDialpadLinks.organizationId, organizationId), inArray(employeeDialpadLinks.employeeId, employeeIds)))
    .all();
  return new Map(rows.flatMap((row) => (row.dialpadUserId === null ? [] : [[row.employeeId, row.dialpadUserId] as const])));
}

export async function listScoreSettings(db: Db, organizationId: number): Promise<ScoreSetting[]> {
  return db.select().from(scoreSettings).where(eq(scoreSettings.organizationId, organizationId)).orderBy(asc(scoreSettings.role)).all();
}
