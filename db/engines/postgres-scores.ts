// The score recompute's hot path on PostgreSQL: set-based statements (= ANY(array), unnest of one
// array per column) instead of a statement per row, run in the caller's transaction. The SQLite twin
// is sqlite-scores.ts.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import type { DayScoreUpdate, RoleDayRow } from "../queries/score-role-rows";
import { pendingWhenSignalsChangedSql, type DayWrite, type LegRecord, type LegsForDays, type StoredDayFacts } from "../queries/score-rows";
import { asNodePg } from "./postgres";

const chunkRows = 5_000;

// Every read is of one user's legs: the user id is left out, and so are empty labels (a string fewer per leg each).
const legColumns = sql.raw(`id, dialpad_call_id AS "dialpadCallId",
  master_call_id AS "masterCallId", entry_point_call_id AS "entryPointCallId", direction, state,
  started_at AS "startedAt", rang_at AS "rangAt", connected_at AS "connectedAt", ended_at AS "endedAt",
  has_voicemail AS "hasVoicemail", left_voicemail AS "leftVoicemail", target_type AS "targetType", NULLIF(labels, '[]') AS labels`);
const dayColumns = sql.raw(`day_key AS "dayKey", role, talk_ms AS "talkMs", connected_calls AS "connectedCalls",
  has_activity AS "hasActivity", facts_hash AS "factsHash"`);

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return (await asNodePg(db).execute(query)).rows as T[];
}

/** One array parameter, typed: `$1::text[]`. */
function array(values: readonly unknown[], type: string): SQL {
  return sql`${sql.param(values)}::${sql.raw(type)}[]`;
}

/**
 * An integer, bigint or boolean array as one literal, `'{1,2,NULL}'::bigint[]`: pg would quote and escape
 * it element by element (two regular expressions each, a tenth of the recompute's CPU in this process).
 */
function literal(values: readonly (number | boolean | null)[], type: "integer" | "bigint" | "boolean"): SQL {
  let text = "{";
  for (let i = 0; i < values.length; i++) text += (i === 0 ? "" : ",") + (values[i] === null ? "NULL" : String(values[i]));
  return sql`${text + "}"}::${sql.raw(type)}[]`;
}

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += chunkRows) result.push(items.slice(start, start + chunkRows));
  return result;
}

const userLegs = (organizationId: number, dialpadUserId: string) =>
  sql`SELECT ${legColumns} FROM calls WHERE organization_id = ${organizationId} AND dialpad_user_id = ${dialpadUserId}`;

export const postgresScoreRows = {
  listAllLegs(db: Db, organizationId: number, dialpadUserId: string): Promise<LegRecord[]> {
    return rows(db, userLegs(organizationId, dialpadUserId));
  },

  // Legs that started in [from, to), then (UNION ALL: the caller drops repeats) those with an entry of the employee's in [fromDay, toDay].
  listLegsForDays(db: Db, p: LegsForDays): Promise<LegRecord[]> {
    return rows(db, sql`
      ${userLegs(p.organizationId, p.dialpadUserId)} AND started_at >= ${p.from} AND started_at < ${p.to}
      UNION ALL SELECT ${legColumns} FROM calls WHERE organization_id = ${p.organizationId} AND id IN (SELECT call_id FROM call_day_entries
        WHERE organization_id = ${p.organizationId} AND employee_id = ${p.employeeId} AND day_key >= ${p.fromDay} AND day_key <= ${p.toDay})
      AND dialpad_user_id = ${p.dialpadUserId}`);
  },

  // Legs of the same call graph as the keys, one branch per index (master, entry point, call id).
  listLegsInGraphs(db: Db, organizationId: number, dialpadUserId: string, graphKeys: readonly string[]): Promise<LegRecord[]> {
    const [o, u, keys] = [organizationId, dialpadUserId, array(graphKeys, "text")];
    return rows(db, sql`
      SELECT ${legColumns} FROM calls WHERE organization_id = ${o} AND master_call_id = ANY(${keys}) AND dialpad_user_id = ${u}
      UNION SELECT ${legColumns} FROM calls WHERE organization_id = ${o} AND entry_point_call_id = ANY(${keys})
        AND master_call_id IS NULL AND dialpad_user_id = ${u}
      UNION SELECT ${legColumns} FROM calls WHERE organization_id = ${o} AND dialpad_call_id = ANY(${keys})
        AND master_call_id IS NULL AND entry_point_call_id IS NULL AND dialpad_user_id = ${u}`);
  },

  listStoredDays(db: Db, organizationId: number, employeeId: number, range: { from: string; to: string } | null): Promise<StoredDayFacts[]> {
    const inRange = range ? sql` AND day_key >= ${range.from} AND day_key <= ${range.to}` : sql``;
    return rows(db, sql`SELECT ${dayColumns} FROM daily_scores WHERE organization_id = ${organizationId} AND employee_id = ${employeeId}${inRange}`);
  },

  async saveDays(db: Db, days: readonly DayWrite[]): Promise<void> {
    if (days.length === 0) return;
    // In key order, so concurrent writers lock shared rows in the same order.
    const sorted = [...days].sort((a, b) => a.row.employeeId - b.row.employeeId || (a.row.dayKey < b.row.dayKey ? -1 : 1));
    for (const chunk of chunks(sorted)) {
      const column = <K extends keyof DayWrite["row"]>(key: K) => chunk.map((day) => day.row[key]);
      // A new day has no entries to delete.
      const stored = chunk.filter((day) => !day.isNew).map((day) => day.row);
      // One statement: the days' upsert, and (a CTE writing another table) the deletion of their old entries.
      await asNodePg(db).execute(sql`
        WITH days AS (INSERT INTO daily_scores (organization_id, employee_id, day_key, role, talk_ms, connected_calls, voicemails_left,
          voicemails_received, missed_calls, not_answered_calls, has_activity, facts_hash, computed_at,
          score, no_score_reason, breakdown)
        SELECT *, NULL::integer, 'pending', '' FROM unnest(${literal(column("organizationId"), "integer")},
          ${literal(column("employeeId"), "integer")}, ${array(column("dayKey"), "text")}, ${array(column("role"), "text")},
          ${literal(column("talkMs"), "bigint")}, ${literal(column("connectedCalls"), "integer")},
          ${literal(column("voicemailsLeft"), "integer")}, ${literal(column("voicemailsReceived"), "integer")},
          ${literal(column("missedCalls"), "integer")}, ${literal(column("notAnsweredCalls"), "integer")},
          ${literal(column("hasActivity"), "boolean")}, ${array(column("factsHash"), "text")}, ${literal(column("computedAt"), "bigint")})
        ON CONFLICT (organization_id, employee_id, day_key) DO UPDATE SET role = excluded.role, talk_ms = excluded.talk_ms,
          connected_calls = excluded.connected_calls, voicemails_left = excluded.voicemails_left,
          voicemails_received = excluded.voicemails_received, missed_calls = excluded.missed_calls,
          not_answered_calls = excluded.not_answered_calls, has_activity = excluded.has_activity,
          facts_hash = excluded.facts_hash, computed_at = excluded.computed_at, ${sql.raw(pendingWhenSignalsChangedSql())})
        DELETE FROM call_day_entries AS e USING unnest(${literal(stored.map((row) => row.organizationId), "integer")},
          ${literal(stored.map((row) => row.employeeId), "integer")}, ${array(stored.map((row) => row.dayKey), "text")})
          AS d(organization_id, employee_id, day_key)
        WHERE e.organization_id = d.organization_id AND e.employee_id = d.employee_id AND e.day_key = d.day_key`);
    }
    const entries = sorted.flatMap(({ row, entries }) => entries.map((entry) => ({ row, entry })));
    for (const chunk of chunks(entries)) {
      const of = <T>(read: (item: (typeof chunk)[number]) => T) => chunk.map(read);
      await asNodePg(db).execute(sql`
        INSERT INTO call_day_entries (organization_id, employee_id, day_key, call_id, kind, counted_ms, contribution_ms,
          is_flagged, is_start_day, counts_as_connected_call, reason)
        SELECT * FROM unnest(${literal(of((x) => x.row.organizationId), "integer")}, ${literal(of((x) => x.row.employeeId), "integer")},
          ${array(of((x) => x.row.dayKey), "text")}, ${literal(of((x) => x.entry.callId), "integer")},
          ${array(of((x) => x.entry.kind), "text")}, ${literal(of((x) => x.entry.countedMs), "bigint")},
          ${literal(of((x) => x.entry.contributionMs), "bigint")}, ${literal(of((x) => x.entry.isFlagged), "boolean")},
          ${literal(of((x) => x.entry.isStartDay), "boolean")}, ${literal(of((x) => x.entry.countsAsConnectedCall), "boolean")},
          ${array(of((x) => x.entry.reason), "text")})`);
    }
  },

  async deleteDays(db: Db, organizationId: number, employeeId: number, dayKeys: readonly string[]): Promise<void> {
    if (dayKeys.length === 0) return;
    const days = array(dayKeys, "text");
    const where = sql`organization_id = ${organizationId} AND employee_id = ${employeeId} AND day_key = ANY(${days})`;
    await asNodePg(db).execute(sql`DELETE FROM call_day_entries WHERE ${where}`);
    await asNodePg(db).execute(sql`DELETE FROM daily_scores WHERE ${where}`);
  },

  listBreakdowns(db: Db, organizationId: number, ids: readonly number[]): Promise<{ id: number; breakdown: string }[]> {
    return rows(db, sql`SELECT id, breakdown FROM daily_scores WHERE organization_id = ${organizationId} AND id = ANY(${literal(ids, "integer")})`);
  },

  // Rows before `from` only when active, without their breakdown: they feed baselines only. Sampled: one scored
  // row's breakdown per day, null for the day's other scored rows.
  listRoleWindow(db: Db, organizationId: number, role: string, r: { sourceFrom: string; from: string; to: string; isSampled: boolean }): Promise<RoleDayRow[]> {
    // One round trip: the day's sample (lowest id of its scored rows) comes in the same statement.
    const sample = r.isSampled
      ? sql`WHEN d.breakdown <> '' AND d.id NOT IN (SELECT min(id) FROM daily_scores WHERE organization_id = ${organizationId}
          AND role = ${role} AND day_key >= ${r.from} AND day_key <= ${r.to} AND breakdown <> '' GROUP BY day_key) THEN NULL`
      : sql``;
    return rows(db, sql`
      SELECT d.id, d.employee_id AS "employeeId", d.day_key AS "dayKey", d.talk_ms AS "talkMs", d.connected_calls AS "connectedCalls",
        d.has_activity AS "hasActivity", e.hidden_at IS NOT NULL AS "isHidden", d.score, d.no_score_reason AS "noScoreReason",
        CASE WHEN d.day_key < ${r.from} THEN '' ${sample} ELSE d.breakdown END AS breakdown
      FROM daily_scores d LEFT JOIN employees e ON e.organization_id = d.organization_id AND e.id = d.employee_id
      WHERE d.organization_id = ${organizationId} AND d.role = ${role} AND d.day_key >= ${r.sourceFrom} AND d.day_key <= ${r.to}
        AND (d.day_key >= ${r.from} OR d.has_activity)`);
  },

  async updateDayScores(db: Db, organizationId: number, updates: readonly DayScoreUpdate[]): Promise<void> {
    const sorted = [...updates].sort((a, b) => a.id - b.id);
    for (const chunk of chunks(sorted)) {
      await asNodePg(db).execute(sql`
        UPDATE daily_scores AS d SET score = u.score, no_score_reason = u.no_score_reason, breakdown = u.breakdown,
          computed_at = u.computed_at
        FROM unnest(${literal(chunk.map((u) => u.id), "integer")}, ${literal(chunk.map((u) => u.score), "integer")},
          ${array(chunk.map((u) => u.noScoreReason), "text")}, ${array(chunk.map((u) => u.breakdown), "text")},
          ${literal(chunk.map((u) => u.computedAt), "bigint")}) AS u(id, score, no_score_reason, breakdown, computed_at)
        WHERE d.organization_id = ${organizationId} AND d.id = u.id`);
    }
  },
};
