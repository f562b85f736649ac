// The score recompute's hot path on SQLite: prepared statements, run inside the caller's transaction
// (building a statement per call costs more than running it). The PostgreSQL twin is postgres-scores.ts.
import type Database from "better-sqlite3";
import type { Db } from "../client";
import type { DayScoreUpdate, RoleDayRow } from "../queries/score-role-rows";
import { pendingWhenSignalsChangedSql, type DayWrite, type LegsForDays, type LegTuple, type StoredDayFacts } from "../queries/score-rows";
import { getSqliteHandle } from "./sqlite";
import { requestWalCheckpoint } from "./sqlite-checkpointer";

// In LegTuple's order: legs are read as arrays (raw mode), which costs far less than an object per row. Every
// read is of one user's legs, so the user id is left out, and so are empty labels: a string fewer per leg each.
const legColumns = `id, dialpad_call_id, NULL, master_call_id, entry_point_call_id, direction, state,
  started_at, rang_at, connected_at, ended_at, has_voicemail, left_voicemail, target_type, NULLIF(labels, '[]')`;
/** An employee's legs as the recompute reads them; exported for the plan test. */
export const userLegs = `SELECT ${legColumns} FROM calls WHERE organization_id = ? AND dialpad_user_id = ?`;
const inJson = "IN (SELECT value FROM json_each(?))";
const dayColumns = `day_key AS dayKey, role, talk_ms AS talkMs, connected_calls AS connectedCalls,
  has_activity AS hasActivity, facts_hash AS factsHash`;
type RawDayFacts = Omit<StoredDayFacts, "hasActivity"> & { hasActivity: number };
type RoleWindowParams = { organizationId: number; role: string; sourceFrom: string; from: string; to: string };

/** A role's rows for a rescore (score-role-rows.ts listRoleWindow); `sample` leaves out breakdowns. */
const roleWindowSql = (sample: string) => `SELECT d.id, d.employee_id AS employeeId, d.day_key AS dayKey, d.talk_ms AS talkMs,
    d.connected_calls AS connectedCalls, d.has_activity AS hasActivity, e.hidden_at IS NOT NULL AS isHidden, d.score,
    d.no_score_reason AS noScoreReason, CASE WHEN d.day_key < @from THEN '' ${sample} ELSE d.breakdown END AS breakdown
  FROM daily_scores d LEFT JOIN employees e ON e.organization_id = d.organization_id AND e.id = d.employee_id
  WHERE d.organization_id = @organizationId AND d.role = @role AND d.day_key >= @sourceFrom AND d.day_key <= @to
    AND (d.day_key >= @from OR d.has_activity = 1)`;
type RawRoleDayRow = Omit<RoleDayRow, "hasActivity" | "isHidden"> & { hasActivity: number; isHidden: number };

function prepare(client: Database.Database) {
  const pendingWhenSignalsChanged = pendingWhenSignalsChangedSql();
  return {
    allLegs: client.prepare<[number, string], LegTuple>(userLegs).raw(true),
    // Legs that started in the range, then (UNION ALL: the caller drops repeats) those entered on the days,
    // driven by the entries (the unary + keeps SQLite off the user's whole history).
    legsForDays: client.prepare<[LegsForDays], LegTuple>(
      `SELECT ${legColumns} FROM calls WHERE organization_id = @organizationId AND dialpad_user_id = @dialpadUserId
         AND started_at >= @from AND started_at < @to
       UNION ALL SELECT ${legColumns} FROM calls WHERE id IN (SELECT call_id FROM call_day_entries
         WHERE organization_id = @organizationId AND employee_id = @employeeId AND day_key >= @fromDay AND day_key <= @toDay)
         AND +organization_id = @organizationId AND +dialpad_user_id = @dialpadUserId`,
    ).raw(true),
    // Legs of the same call graph (lib/calls/connected-calls.ts getCallGraphKey) as the given keys,
    // one branch per index: calls_org_master_idx, calls_org_entry_point_idx, calls_org_dialpad_call_uq.
    // INDEXED BY: calls_org_user_legs_idx covers these columns, so SQLite would rather scan the whole
    // organization's legs through it (measured: 60 ms a new call at 30,000 legs, against 1.5 ms).
    graphLegs: client.prepare<[number, string, string, number, string, string, number, string, string], LegTuple>(
      `SELECT ${legColumns} FROM calls INDEXED BY calls_org_master_idx WHERE organization_id = ? AND master_call_id ${inJson}
         AND +dialpad_user_id = ?
       UNION SELECT ${legColumns} FROM calls INDEXED BY calls_org_entry_point_idx WHERE organization_id = ? AND entry_point_call_id ${inJson}
         AND +master_call_id IS NULL AND +dialpad_user_id = ?
       UNION SELECT ${legColumns} FROM calls INDEXED BY calls_org_dialpad_call_uq WHERE organization_id = ? AND dialpad_call_id ${inJson}
         AND +master_call_id IS NULL AND +entry_point_call_id IS NULL AND +dialpad_user_id = ?`,
    ).raw(true),
    allDays: client.prepare<[number, number], RawDayFacts>(`SELECT ${dayColumns} FROM daily_scores WHERE organization_id = ? AND employee_id = ?`),
    daysInRange: client.prepare<[number, number, string, string], RawDayFacts>(
      `SELECT ${dayColumns} FROM daily_scores WHERE organization_id = ? AND employee_id = ? AND day_key >= ? AND day_key <= ?`,
    ),
    upsertDay: client.prepare(
      `INSERT INTO daily_scores (organization_id, employee_id, day_key, role, score, no_score_reason, talk_ms,
         connected_calls, voicemails_left, voicemails_received, missed_calls, not_answered_calls, has_activity,
         breakdown, facts_hash, computed_at)
       VALUES (@organizationId, @employeeId, @dayKey, @role, NULL, 'pending', @talkMs, @connectedCalls,
         @voicemailsLeft, @voicemailsReceived, @missedCalls, @notAnsweredCalls, @hasActivity, '', @factsHash, @computedAt)
       ON CONFLICT (organization_id, employee_id, day_key) DO UPDATE SET role = excluded.role, talk_ms = excluded.talk_ms,
         connected_calls = excluded.connected_calls, voicemails_left = excluded.voicemails_left,
         voicemails_received = excluded.voicemails_received, missed_calls = excluded.missed_calls,
         not_answered_calls = excluded.not_answered_calls, has_activity = excluded.has_activity,
         facts_hash = excluded.facts_hash, computed_at = excluded.computed_at, ${pendingWhenSignalsChanged}`,
    ),
    deleteDay: client.prepare<[number, number, string]>("DELETE FROM daily_scores WHERE organization_id = ? AND employee_id = ? AND day_key = ?"),
    deleteEntries: client.prepare<[number, number, string]>(
      "DELETE FROM call_day_entries WHERE organization_id = ? AND employee_id = ? AND day_key = ?",
    ),
    insertEntry: client.prepare(
      `INSERT INTO call_day_entries (organization_id, employee_id, day_key, call_id, kind, counted_ms, contribution_ms,
         is_flagged, is_start_day, counts_as_connected_call, reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    // Rows before @from only when active, without their breakdown: they feed baselines only.
    roleWindow: client.prepare<[RoleWindowParams], RawRoleDayRow>(roleWindowSql("")),
    sampledRoleWindow: client.prepare<[RoleWindowParams], RawRoleDayRow>(roleWindowSql("WHEN d.breakdown <> '' THEN NULL")),
    breakdowns: client.prepare<[number, string], { id: number; breakdown: string }>(
      `SELECT id, breakdown FROM daily_scores WHERE organization_id = ? AND id ${inJson}`,
    ),
    updateScore: client.prepare<[number | null, string | null, string, number, number, number]>(
      "UPDATE daily_scores SET score = ?, no_score_reason = ?, breakdown = ?, computed_at = ? WHERE organization_id = ? AND id = ?",
    ),
  };
}

const statements = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function statementsFor(db: Db) {
  const client = getSqliteHandle(db);
  let prepared = statements.get(client);
  if (!prepared) {
    prepared = prepare(client);
    statements.set(client, prepared);
  }
  return prepared;
}

export const sqliteScoreRows = {
  listAllLegs(db: Db, organizationId: number, dialpadUserId: string): LegTuple[] {
    return statementsFor(db).allLegs.all(organizationId, dialpadUserId);
  },

  listLegsForDays(db: Db, p: LegsForDays): LegTuple[] {
    return statementsFor(db).legsForDays.all(p);
  },

  listLegsInGraphs(db: Db, organizationId: number, dialpadUserId: string, graphKeys: readonly string[]): LegTuple[] {
    const keys = JSON.stringify(graphKeys);
    const [o, u] = [organizationId, dialpadUserId];
    return statementsFor(db).graphLegs.all(o, keys, u, o, keys, u, o, keys, u);
  },

  listStoredDays(db: Db, organizationId: number, employeeId: number, range: { from: string; to: string } | null): StoredDayFacts[] {
    const { allDays, daysInRange } = statementsFor(db);
    const rows = range ? daysInRange.all(organizationId, employeeId, range.from, range.to) : allDays.all(organizationId, employeeId);
    return rows.map((row) => ({ ...row, hasActivity: row.hasActivity === 1 }));
  },

  saveDays(db: Db, days: readonly DayWrite[]): void {
    if (days.length === 0) return;
    // A recompute writes a row per leg: like the sync, it leaves WAL checkpoints to the worker thread.
    requestWalCheckpoint(db);
    const { upsertDay, deleteEntries, insertEntry } = statementsFor(db);
    for (const { row, entries, isNew } of days) {
      upsertDay.run({ ...row, hasActivity: row.hasActivity ? 1 : 0 });
      if (!isNew) deleteEntries.run(row.organizationId, row.employeeId, row.dayKey);
      for (const e of entries) {
        insertEntry.run(
          row.organizationId, row.employeeId, row.dayKey, e.callId, e.kind, e.countedMs, e.contributionMs,
          e.isFlagged ? 1 : 0, e.isStartDay ? 1 : 0, e.countsAsConnectedCall ? 1 : 0, e.reason,
        );
      }
    }
  },

  deleteDays(db: Db, organizationId: number, employeeId: number, dayKeys: readonly string[]): void {
    const { deleteDay, deleteEntries } = statementsFor(db);
    for (const dayKey of dayKeys) {
      deleteEntries.run(organizationId, employeeId, dayKey);
      deleteDay.run(organizationId, employeeId, dayKey);
    }
  },

  listRoleWindow(db: Db, organizationId: number, role: string, r: { sourceFrom: string; from: string; to: string; isSampled: boolean }): RoleDayRow[] {
    const { roleWindow, sampledRoleWindow } = statementsFor(db);
    return (r.isSampled ? sampledRoleWindow : roleWindow)
      .all({ organizationId, role, sourceFrom: r.sourceFrom, from: r.from, to: r.to })
      .map((row) => ({ ...row, hasActivity: row.hasActivity === 1, isHidden: row.isHidden === 1 }));
  },

  listBreakdowns(db: Db, organizationId: number, ids: readonly number[]): { id: number; breakdown: string }[] {
    return statementsFor(db).breakdowns.all(organizationId, JSON.stringify(ids));
  },

  updateDayScores(db: Db, organizationId: number, updates: readonly DayScoreUpdate[]): void {
    const { updateScore } = statementsFor(db);
    for (const u of updates) updateScore.run(u.score, u.noScoreReason, u.breakdown, u.computedAt, organizationId, u.id);
  },
};
