// Prepared statements for the score recompute: an employee's legs, their stored days and call
// entries, and a role's rows. Synchronous, for use inside the recompute's short transactions.
import type Database from "better-sqlite3";
import type { Db } from "@/db/client";
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

interface LegRecord {
  id: number; dialpadCallId: string; dialpadUserId: string | null; masterCallId: string | null;
  entryPointCallId: string | null; direction: CallLeg["direction"]; state: string; startedAt: number;
  rangAt: number | null; connectedAt: number | null; endedAt: number | null; hasVoicemail: number;
  targetType: string | null; labels: string;
}

const legColumns = `id, dialpad_call_id AS dialpadCallId, dialpad_user_id AS dialpadUserId,
  master_call_id AS masterCallId, entry_point_call_id AS entryPointCallId, direction, state,
  started_at AS startedAt, rang_at AS rangAt, connected_at AS connectedAt, ended_at AS endedAt,
  has_voicemail AS hasVoicemail, target_type AS targetType, labels`;
const userLegs = `SELECT ${legColumns} FROM calls WHERE organization_id = ? AND dialpad_user_id = ?`;
const inJson = "IN (SELECT value FROM json_each(?))";
const rowColumns = `day_key AS dayKey, role, talk_ms AS talkMs, connected_calls AS connectedCalls,
  has_activity AS hasActivity, facts_hash AS factsHash`;
type RawFacts = Omit<StoredDayFacts, "hasActivity"> & { hasActivity: number };

function prepare(client: Database.Database) {
  return {
    allLegs: client.prepare<[number, string], LegRecord>(userLegs),
    legsInRange: client.prepare<[number, string, number, number], LegRecord>(
      `${userLegs} AND started_at >= ? AND started_at < ?`,
    ),
    // Legs of the same call graph (lib/calls/connected-calls.ts getCallGraphKey) as the given keys,
    // one branch per index: calls_org_master_idx, calls_org_entry_point_idx, calls_org_dialpad_call_uq.
    // The unary + keeps SQLite from scanning the user's legs through calls_org_user_started_idx instead.
    graphLegs: client.prepare<[number, string, string, number, string, string, number, string, string], LegRecord>(
      `SELECT ${legColumns} FROM calls WHERE organization_id = ? AND master_call_id ${inJson} AND +dialpad_user_id = ?
       UNION SELECT ${legColumns} FROM calls WHERE organization_id = ? AND entry_point_call_id ${inJson}
         AND +master_call_id IS NULL AND +dialpad_user_id = ?
       UNION SELECT ${legColumns} FROM calls WHERE organization_id = ? AND dialpad_call_id ${inJson}
         AND +master_call_id IS NULL AND +entry_point_call_id IS NULL AND +dialpad_user_id = ?`,
    ),
    // The user's legs that already have an entry on the days: legs reaching in from earlier days.
    // Driven by the entries (the unary + keeps SQLite off the user's whole history).
    enteredLegs: client.prepare<[number, string, string, number, string], LegRecord>(
      `SELECT ${legColumns} FROM calls WHERE id IN (SELECT call_id FROM call_day_entries
         WHERE employee_id = ? AND day_key >= ? AND day_key <= ?) AND +organization_id = ? AND +dialpad_user_id = ?`,
    ),
    allDays: client.prepare<[number], RawFacts>(`SELECT ${rowColumns} FROM daily_scores WHERE employee_id = ?`),
    daysInRange: client.prepare<[number, string, string], RawFacts>(
      `SELECT ${rowColumns} FROM daily_scores WHERE employee_id = ? AND day_key >= ? AND day_key <= ?`,
    ),
    upsertDay: client.prepare(
      `INSERT INTO daily_scores (organization_id, employee_id, day_key, role, score, no_score_reason, talk_ms,
         connected_calls, voicemails_left, voicemails_received, missed_calls, not_answered_calls, has_activity,
         breakdown, facts_hash, computed_at)
       VALUES (@organizationId, @employeeId, @dayKey, @role, NULL, 'pending', @talkMs, @connectedCalls,
         @voicemailsLeft, @voicemailsReceived, @missedCalls, @notAnsweredCalls, @hasActivity, '', @factsHash, @computedAt)
       ON CONFLICT (employee_id, day_key) DO UPDATE SET role = excluded.role, talk_ms = excluded.talk_ms,
         connected_calls = excluded.connected_calls, voicemails_left = excluded.voicemails_left,
         voicemails_received = excluded.voicemails_received, missed_calls = excluded.missed_calls,
         not_answered_calls = excluded.not_answered_calls, has_activity = excluded.has_activity,
         facts_hash = excluded.facts_hash, computed_at = excluded.computed_at`,
    ),
    deleteDay: client.prepare<[number, string]>("DELETE FROM daily_scores WHERE employee_id = ? AND day_key = ?"),
    deleteEntries: client.prepare<[number, string]>("DELETE FROM call_day_entries WHERE employee_id = ? AND day_key = ?"),
    insertEntry: client.prepare(
      `INSERT INTO call_day_entries (organization_id, employee_id, day_key, call_id, kind, counted_ms, contribution_ms,
         is_flagged, is_start_day, counts_as_connected_call, reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}

const statements = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function statementsFor(db: Db) {
  let prepared = statements.get(db.$client);
  if (!prepared) {
    prepared = prepare(db.$client);
    statements.set(db.$client, prepared);
  }
  return prepared;
}

const noLabels: string[] = [];

// An explicit literal: spreading the row and adding the rest made V8 build slow dictionary objects.
function toLeg(r: LegRecord): StoredLeg {
  return {
    id: r.id, dialpadCallId: r.dialpadCallId, dialpadUserId: r.dialpadUserId, masterCallId: r.masterCallId,
    entryPointCallId: r.entryPointCallId, operatorCallId: null, direction: r.direction, state: r.state,
    startedAt: r.startedAt, rangAt: r.rangAt, connectedAt: r.connectedAt, endedAt: r.endedAt,
    eventTimestamp: r.startedAt, durationMs: null, externalNumber: null, internalNumber: null, contactName: null,
    contactPhone: null, contactType: null, targetType: r.targetType, targetName: null, entryPointTargetName: null,
    isTransferred: false, wasRecorded: false, hasVoicemail: r.hasVoicemail === 1, isInternal: false,
    labels: r.labels === "[]" ? noLabels : (JSON.parse(r.labels) as string[]),
  };
}

export function listAllLegs(db: Db, organizationId: number, dialpadUserId: string): StoredLeg[] {
  return statementsFor(db).allLegs.all(organizationId, dialpadUserId).map(toLeg);
}

/** Legs that started in [from, to). */
export function listLegsStartedIn(db: Db, organizationId: number, dialpadUserId: string, from: number, to: number): StoredLeg[] {
  return statementsFor(db).legsInRange.all(organizationId, dialpadUserId, from, to).map(toLeg);
}

export function listLegsInGraphs(db: Db, organizationId: number, dialpadUserId: string, graphKeys: string[]): StoredLeg[] {
  const keys = JSON.stringify(graphKeys);
  const [o, u] = [organizationId, dialpadUserId];
  return statementsFor(db).graphLegs.all(o, keys, u, o, keys, u, o, keys, u).map(toLeg);
}

/** The user's legs with an entry of the employee's in [fromDay, toDay]. */
export function listEnteredLegs(
  db: Db,
  params: { organizationId: number; dialpadUserId: string; employeeId: number; fromDay: string; toDay: string },
): StoredLeg[] {
  const { organizationId, dialpadUserId, employeeId, fromDay, toDay } = params;
  return statementsFor(db).enteredLegs.all(employeeId, fromDay, toDay, organizationId, dialpadUserId).map(toLeg);
}

export function listStoredDays(db: Db, employeeId: number, range: { from: string; to: string } | null): StoredDayFacts[] {
  const { allDays, daysInRange } = statementsFor(db);
  const rows = range ? daysInRange.all(employeeId, range.from, range.to) : allDays.all(employeeId);
  return rows.map((row) => ({ ...row, hasActivity: row.hasActivity === 1 }));
}

/** Writes a day's facts and replaces its call entries; a new row waits for its score ("pending"). */
export function saveDayFacts(db: Db, row: DayFactsRow, entries: readonly EntryRow[]): void {
  const { upsertDay, deleteEntries, insertEntry } = statementsFor(db);
  upsertDay.run({ ...row, hasActivity: row.hasActivity ? 1 : 0 });
  deleteEntries.run(row.employeeId, row.dayKey);
  for (const e of entries) {
    insertEntry.run(
      row.organizationId, row.employeeId, row.dayKey, e.callId, e.kind, e.countedMs, e.contributionMs,
      e.isFlagged ? 1 : 0, e.isStartDay ? 1 : 0, e.countsAsConnectedCall ? 1 : 0, e.reason,
    );
  }
}

export function deleteDay(db: Db, employeeId: number, dayKey: string): void {
  const { deleteDay: deleteRow, deleteEntries } = statementsFor(db);
  deleteEntries.run(employeeId, dayKey);
  deleteRow.run(employeeId, dayKey);
}
