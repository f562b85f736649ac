// Reads of stored scores and score settings. Every query is scoped by organization.
import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  callDayEntries,
  calls,
  dailyScores,
  employeeDialpadLinks,
  employees,
  scoreSettings,
  type CallDayEntry,
  type DailyScore,
  type ScoreSetting,
} from "@/db/schema";
import { withTransaction } from "@/db/transaction";

type DayRange = { organizationId: number; from: string; to: string };

/** daily_scores_org_role_day_idx: the role's active days in a range, for baselines. */
export async function listRoleActiveDays(
  db: Db,
  params: DayRange & { role: string },
): Promise<{ employeeId: number; dayKey: string; talkMs: number; connectedCalls: number }[]> {
  return db
    .select({ employeeId: dailyScores.employeeId, dayKey: dailyScores.dayKey, talkMs: dailyScores.talkMs, connectedCalls: dailyScores.connectedCalls })
    .from(dailyScores)
    .where(
      and(
        eq(dailyScores.organizationId, params.organizationId),
        eq(dailyScores.role, params.role),
        gte(dailyScores.dayKey, params.from),
        lte(dailyScores.dayKey, params.to),
        eq(dailyScores.hasActivity, true),
      ),
    );
}

export type EmployeesDays = DayRange & { employeeIds: number[] };

/** The listed employees' rows in [from, to]: what daily_scores_employee_day_uq answers. */
export function employeesDaysCondition(params: EmployeesDays) {
  return and(
    eq(dailyScores.organizationId, params.organizationId),
    inArray(dailyScores.employeeId, params.employeeIds),
    gte(dailyScores.dayKey, params.from),
    lte(dailyScores.dayKey, params.to),
  );
}

/**
 * The listed employees' rows over a range of days (from = to for one day), oldest first. Sorted
 * here, not in SQL: an ORDER BY day_key leads SQLite's planner to daily_scores_org_day_idx, which
 * reads every employee's rows in the range, instead of daily_scores_employee_day_uq.
 */
export async function listDailyScores(
  db: Db,
  params: EmployeesDays,
): Promise<DailyScore[]> {
  if (params.employeeIds.length === 0) return [];
  const rows = await db
    .select()
    .from(dailyScores)
    .where(employeesDaysCondition(params));
  return rows.sort((a, b) => (a.dayKey < b.dayKey ? -1 : a.dayKey > b.dayKey ? 1 : a.employeeId - b.employeeId));
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
  leftVoicemail: calls.leftVoicemail,
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
    .innerJoin(calls, and(eq(calls.organizationId, callDayEntries.organizationId), eq(calls.id, callDayEntries.callId)))
    .where(
      and(
        eq(callDayEntries.employeeId, params.employeeId),
        eq(callDayEntries.dayKey, params.dayKey),
        eq(callDayEntries.organizationId, params.organizationId),
      ),
    )
    .orderBy(asc(calls.startedAt), asc(calls.dialpadCallId));
}

export type DayCallEntryRow = Awaited<ReturnType<typeof listDayCallEntries>>[number];

/** The Dialpad user each listed employee is mapped to (employees without a mapped user are absent). */
export async function listMappedDialpadUsers(db: Db, organizationId: number, employeeIds: number[]): Promise<Map<number, string>> {
  if (employeeIds.length === 0) return new Map();
  const rows = await db
    .select({ employeeId: employeeDialpadLinks.employeeId, dialpadUserId: employeeDialpadLinks.dialpadUserId })
    .from(employeeDialpadLinks)
    .where(and(eq(employeeDialpadLinks.organizationId, organizationId), inArray(employeeDialpadLinks.employeeId, employeeIds)));
  return new Map(rows.flatMap((row) => (row.dialpadUserId === null ? [] : [[row.employeeId, row.dialpadUserId] as const])));
}

export async function listScoreSettings(db: Db, organizationId: number): Promise<ScoreSetting[]> {
  return db.select().from(scoreSettings).where(eq(scoreSettings.organizationId, organizationId)).orderBy(asc(scoreSettings.role));
}

export type ScoreSettingValues = Pick<
  ScoreSetting,
  "talkTimeWeight" | "connectedCallsWeight" | "defaultTalkTimeTargetMs" | "defaultConnectedCallsTarget" | "updatedAt"
>;

/** score_settings_org_role_uq: creates or replaces the role's row. */
export async function upsertScoreSetting(
  db: Db,
  key: { organizationId: number; role: string },
  values: ScoreSettingValues,
): Promise<void> {
  await db
    .insert(scoreSettings)
    .values({ ...values, ...key })
    .onConflictDoUpdate({ target: [scoreSettings.organizationId, scoreSettings.role], set: values });
}

export async function deleteScoreSetting(db: Db, key: { organizationId: number; role: string }): Promise<void> {
  await db.delete(scoreSettings).where(and(eq(scoreSettings.organizationId, key.organizationId), eq(scoreSettings.role, key.role)));
}

/** The employees mapped to any of the Dialpad users now, with their own time zone. */
export async function listEmployeesMappedTo(
  db: Db,
  organizationId: number,
  dialpadUserIds: string[],
): Promise<{ employeeId: number; dialpadUserId: string; timezone: string | null }[]> {
  if (dialpadUserIds.length === 0) return [];
  const rows = await db
    .select({ employeeId: employees.id, dialpadUserId: employeeDialpadLinks.dialpadUserId, timezone: employees.timezone })
    .from(employeeDialpadLinks)
    .innerJoin(employees, and(eq(employees.organizationId, employeeDialpadLinks.organizationId), eq(employees.id, employeeDialpadLinks.employeeId)))
    .where(and(eq(employeeDialpadLinks.organizationId, organizationId), inArray(employeeDialpadLinks.dialpadUserId, dialpadUserIds)));
  return rows.flatMap((row) => (row.dialpadUserId === null ? [] : [{ ...row, dialpadUserId: row.dialpadUserId }]));
}

/** Every stored day and call entry of the organization, in key order (tests and benchmarks compare them). */
export async function listOrganizationScores(
  db: Db,
  organizationId: number,
): Promise<{ days: DailyScore[]; entries: CallDayEntry[] }> {
  const days = await db
    .select()
    .from(dailyScores)
    .where(eq(dailyScores.organizationId, organizationId))
    .orderBy(asc(dailyScores.employeeId), asc(dailyScores.dayKey));
  const entries = await db
    .select()
    .from(callDayEntries)
    .where(eq(callDayEntries.organizationId, organizationId))
    .orderBy(asc(callDayEntries.employeeId), asc(callDayEntries.dayKey), asc(callDayEntries.callId));
  return { days, entries };
}

/** Deletes every stored day and call entry of the organization (a recompute from scratch follows). */
export async function deleteOrganizationScores(db: Db, organizationId: number): Promise<void> {
  await withTransaction(db, async (tx) => {
    await tx.delete(callDayEntries).where(eq(callDayEntries.organizationId, organizationId));
    await tx.delete(dailyScores).where(eq(dailyScores.organizationId, organizationId));
  });
}
