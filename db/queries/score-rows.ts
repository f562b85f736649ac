// The score recompute's reads and writes: an employee's legs, their stored days and call entries.
// Call them inside the recompute's transaction (withTransaction). Each engine has its own hot path:
// prepared statements on SQLite (db/engines/sqlite-scores.ts), set-based statements on PostgreSQL
// (db/engines/postgres-scores.ts).
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/engines/raw";
import { postgresScoreRows } from "@/db/engines/postgres-scores";
import { sqliteScoreRows } from "@/db/engines/sqlite-scores";
import { firstRow } from "@/db/rows";
import { employeeDialpadLinks, employees, organizations, privacySettings, type Employee, type Organization } from "@/db/schema";
import { isInTransaction } from "@/db/transaction";
import type { CallLeg } from "@/lib/calls/types";

/** A stored leg with the fields scoring reads (the rest are null) and its row id. */
export type StoredLeg = CallLeg & { id: number };

export interface StoredDayFacts {
  dayKey: string;
  role: string;
  talkMs: number;
  connectedCalls: number;
  hasActivity: boolean;
  factsHash: string;
}

export interface DayFactsRow {
  organizationId: number;
  employeeId: number;
  dayKey: string;
  role: string;
  talkMs: number;
  connectedCalls: number;
  voicemailsLeft: number;
  voicemailsReceived: number;
  missedCalls: number;
  notAnsweredCalls: number;
  hasActivity: boolean;
  factsHash: string;
  computedAt: number;
}

export interface EntryRow {
  callId: number;
  kind: string;
  countedMs: number;
  contributionMs: number;
  isFlagged: boolean;
  isStartDay: boolean;
  countsAsConnectedCall: boolean;
  reason: string;
}

/** A day's facts and its call entries, as the recompute writes them. */
export interface DayWrite {
  row: DayFactsRow;
  entries: readonly EntryRow[];
  /** No row is stored for the day, so it has no entries to delete (entries live and die with their day's row). */
  isNew?: boolean;
}

/** A leg as the engines read it (SQLite returns has_voicemail as 0/1), without its user (the read's) and null labels for none. */
export interface LegRecord {
  id: number; dialpadCallId: string; masterCallId: string | null;
  entryPointCallId: string | null; direction: CallLeg["direction"]; state: string; startedAt: number;
  rangAt: number | null; connectedAt: number | null; endedAt: number | null; hasVoicemail: number | boolean;
  leftVoicemail: number | boolean;
  targetType: string | null; labels: string | null;
}

/** The same columns in that order, the user's as null: SQLite reads legs as arrays (db/engines/sqlite-scores.ts). */
export type LegTuple = [
  id: number, dialpadCallId: string, dialpadUserId: null, masterCallId: string | null, entryPointCallId: string | null,
  direction: CallLeg["direction"], state: string, startedAt: number, rangAt: number | null, connectedAt: number | null,
  endedAt: number | null, hasVoicemail: number, leftVoicemail: number, targetType: string | null, labels: string | null,
];

/**
 * The SET clause (both engines) by which a day whose signals (role, talk time, connected calls, activity) change
 * waits for its score again: a role rescore of a range then scores pending rows and reads one stored breakdown
 * per day (rescore-role.ts), trusting every other scored row of a day whose sample still matches.
 */
export function pendingWhenSignalsChangedSql(): string {
  const isSame = `daily_scores.role = excluded.role AND daily_scores.talk_ms = excluded.talk_ms
    AND daily_scores.connected_calls = excluded.connected_calls AND daily_scores.has_activity = excluded.has_activity`;
  return `score = CASE WHEN ${isSame} THEN daily_scores.score ELSE NULL END,
    no_score_reason = CASE WHEN ${isSame} THEN daily_scores.no_score_reason ELSE 'pending' END,
    breakdown = CASE WHEN ${isSame} THEN daily_scores.breakdown ELSE '' END`;
}

const noLabels: string[] = [];

// An explicit literal: spreading the row and adding the rest made V8 build slow dictionary objects.
function toLeg(r: LegRecord, dialpadUserId: string): StoredLeg {
  return {
    id: r.id, dialpadCallId: r.dialpadCallId, dialpadUserId, masterCallId: r.masterCallId,
    entryPointCallId: r.entryPointCallId, operatorCallId: null, direction: r.direction, state: r.state,
    startedAt: r.startedAt, rangAt: r.rangAt, connectedAt: r.connectedAt, endedAt: r.endedAt,
    eventTimestamp: r.startedAt, durationMs: null, externalNumber: null, internalNumber: null, contactName: null,
    contactPhone: null, contactType: null, targetType: r.targetType, targetName: null, entryPointTargetName: null,
    isTransferred: false, wasRecorded: false, hasVoicemail: r.hasVoicemail === 1 || r.hasVoicemail === true,
    leftVoicemail: r.leftVoicemail === 1 || r.leftVoicemail === true, isInternal: false,
    labels: r.labels === null ? noLabels : (JSON.parse(r.labels) as string[]),
  };
}

function fromTuple(t: LegTuple, dialpadUserId: string): StoredLeg {
  return {
    id: t[0], dialpadCallId: t[1], dialpadUserId, masterCallId: t[3], entryPointCallId: t[4], operatorCallId: null,
    direction: t[5], state: t[6], startedAt: t[7], rangAt: t[8], connectedAt: t[9], endedAt: t[10], eventTimestamp: t[7],
    durationMs: null, externalNumber: null, internalNumber: null, contactName: null, contactPhone: null, contactType: null,
    targetType: t[13], targetName: null, entryPointTargetName: null, isTransferred: false, wasRecorded: false,
    hasVoicemail: t[11] === 1, leftVoicemail: t[12] === 1, isInternal: false,
    labels: t[14] === null ? noLabels : (JSON.parse(t[14]) as string[]),
  };
}

/** What an employee's recompute reads before their legs, in one statement. */
export interface EmployeeScoringState {
  organization: Pick<Organization, "timezone" | "dayStartHour">;
  employee: Pick<Employee, "timezone" | "title">;
  /** The Dialpad user the employee is mapped to now. */
  dialpadUserId: string | null;
  /** The retention purge's cut-off: calls before it were deleted. */
  callsPurgedBefore: number | null;
}

/** Undefined when the organization or the employee no longer exists. */
export async function getEmployeeScoringState(db: Db, key: { organizationId: number; employeeId: number }): Promise<EmployeeScoringState | undefined> {
  const row = await firstRow(
    db
      .select({
        timezone: organizations.timezone, dayStartHour: organizations.dayStartHour, employeeTimezone: employees.timezone,
        title: employees.title, dialpadUserId: employeeDialpadLinks.dialpadUserId, callsPurgedBefore: privacySettings.callsPurgedBefore,
      })
      .from(employees)
      .innerJoin(organizations, eq(organizations.id, employees.organizationId))
      .leftJoin(employeeDialpadLinks, and(eq(employeeDialpadLinks.organizationId, employees.organizationId), eq(employeeDialpadLinks.employeeId, employees.id)))
      .leftJoin(privacySettings, eq(privacySettings.organizationId, employees.organizationId))
      .where(and(eq(employees.organizationId, key.organizationId), eq(employees.id, key.employeeId))),
  );
  if (!row) return undefined;
  return {
    organization: { timezone: row.timezone, dayStartHour: row.dayStartHour },
    employee: { timezone: row.employeeTimezone, title: row.title },
    dialpadUserId: row.dialpadUserId ?? null,
    callsPurgedBefore: row.callsPurgedBefore ?? null,
  };
}

const engine = (db: Db) => (db.$engine === "postgres" ? postgresScoreRows : sqliteScoreRows);

export async function listAllLegs(db: Db, organizationId: number, dialpadUserId: string): Promise<StoredLeg[]> {
  if (db.$engine === "postgres") return (await postgresScoreRows.listAllLegs(db, organizationId, dialpadUserId)).map((r) => toLeg(r, dialpadUserId));
  return sqliteScoreRows.listAllLegs(db, organizationId, dialpadUserId).map((t) => fromTuple(t, dialpadUserId));
}

/** An employee's days to recompute: [from, to) bounds them as instants, fromDay and toDay as day keys. */
export interface LegsForDays {
  organizationId: number;
  dialpadUserId: string;
  employeeId: number;
  from: number;
  to: number;
  fromDay: string;
  toDay: string;
}

/**
 * In one statement, the user's legs that started in [from, to) and those with an entry of the
 * employee's in [fromDay, toDay] (legs reaching in from earlier days); a leg may come twice.
 */
export async function listLegsForDays(db: Db, params: LegsForDays): Promise<StoredLeg[]> {
  const user = params.dialpadUserId;
  if (db.$engine === "postgres") return (await postgresScoreRows.listLegsForDays(db, params)).map((r) => toLeg(r, user));
  return sqliteScoreRows.listLegsForDays(db, params).map((t) => fromTuple(t, user));
}

/** The user's legs of the same call graphs (lib/calls/connected-calls.ts getCallGraphKey) as the keys. */
export async function listLegsInGraphs(db: Db, organizationId: number, dialpadUserId: string, graphKeys: string[]): Promise<StoredLeg[]> {
  if (graphKeys.length === 0) return [];
  if (db.$engine === "postgres") {
    return (await postgresScoreRows.listLegsInGraphs(db, organizationId, dialpadUserId, graphKeys)).map((r) => toLeg(r, dialpadUserId));
  }
  return sqliteScoreRows.listLegsInGraphs(db, organizationId, dialpadUserId, graphKeys).map((t) => fromTuple(t, dialpadUserId));
}

export async function listStoredDays(
  db: Db,
  key: { organizationId: number; employeeId: number },
  range: { from: string; to: string } | null,
): Promise<StoredDayFacts[]> {
  return engine(db).listStoredDays(db, key.organizationId, key.employeeId, range);
}

/** Writes the days' facts and replaces their call entries; a new row waits for its score ("pending"). */
export async function saveDayFacts(db: Db, days: readonly DayWrite[]): Promise<void> {
  await engine(db).saveDays(db, days);
}

/** Deletes the employee's days (no call touches them any more) with their entries. */
export async function deleteDays(db: Db, key: { organizationId: number; employeeId: number }, dayKeys: readonly string[]): Promise<void> {
  await engine(db).deleteDays(db, key.organizationId, key.employeeId, dayKeys);
}

// Any fixed int4; with the organization id it names pg_advisory_xact_lock(class, organization).
const scoreWritesLockClass = 730_519;

/**
 * Call first inside every transaction that writes an organization's scores. PostgreSQL: waits for
 * the organization's other score transactions (another drain, here or in another process), so each
 * reads what the previous ones committed and none overwrites newer scores with older ones. SQLite:
 * nothing to do, BEGIN IMMEDIATE already holds the only write lock.
 *
 * PostgreSQL also commits these transactions without waiting for the WAL flush: scores are derived
 * data, and a crash loses only a suffix of commits, never the queue rows' deletion without the
 * scores it follows, so the lost work stays queued and is redone.
 */
export async function lockOrganizationScores(tx: Db, organizationId: number): Promise<void> {
  if (!isInTransaction(tx)) throw new Error("lockOrganizationScores needs a transaction handle from withTransaction.");
  if (tx.$engine !== "postgres") return;
  await queryRows(tx, sql`SELECT pg_advisory_xact_lock(${scoreWritesLockClass}::integer, ${organizationId}::integer),
    set_config('synchronous_commit', 'off', true)`);
}
