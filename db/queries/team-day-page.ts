// The Team day page in SQL: everyone in scope joined to their day once, then the averages over them
// all and one sorted, filtered page, in a single statement that returns only the page's rows.
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dailyScores, employeeDialpadLinks, employees } from "@/db/schema";
import { queryRows } from "../engines/raw";
import { teamScopeCondition, type TeamDayFactsRow, type TeamScope } from "./team-day";

export interface TeamPersonName {
  employeeId: number;
  name: string;
  title: string | null;
  email: string | null;
  timezone: string | null;
}

/** Everyone active and not hidden in scope, without their day: what ordering and search need (email only when searching). */
export async function listTeamPersonNames(db: Db, scope: TeamScope, options: { withEmail: boolean }): Promise<TeamPersonName[]> {
  const email = options.withEmail ? sql`${employees.email}` : sql`NULL`;
  const rows = await queryRows<{ id: number; name: string; title: string | null; email: string | null; timezone: string | null }>(
    db,
    sql`SELECT ${employees.id} AS id, ${employees.name} AS name, ${employees.title} AS title, ${email} AS email,
      ${employees.timezone} AS timezone FROM ${employees} WHERE ${inScope(scope)}`,
  );
  return rows.map((row) => ({ employeeId: Number(row.id), name: row.name, title: row.title, email: row.email, timezone: row.timezone }));
}

export type TeamPageShow = "mapped" | "with-calls" | "no-calls" | "not-mapped" | "all";
export type TeamPageSort = "name" | "score" | "talk" | "calls" | "voicemails" | "missed";

export interface TeamDayPageParams {
  scope: TeamScope;
  dayKey: string;
  /** Everyone in scope in tie-break order (by name), or in the name sort's order when sorting by name. */
  orderedIds: readonly number[];
  /** The search's matches, or null without a search. */
  matchingIds: readonly number[] | null;
  /** The score of a mapped person's day without a stored row, by raw title: titles not listed score null. */
  callFreeTitles: readonly { title: string | null; score: number }[];
  /** Time zones (the employee's, else defaultTimeZone) in which the day has not started: no score there. */
  futureZones: readonly string[];
  defaultTimeZone: string;
  /** Before the synced history only stored rows score. */
  isDayUnsynced: boolean;
  show: TeamPageShow;
  sort: TeamPageSort;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
}

export interface TeamDayTotals {
  peopleCount: number;
  mappedCount: number;
  scoredCount: number;
  scoreSum: number;
  /** Sums over the mapped people. */
  talkMsSum: number;
  connectedCallsSum: number;
  voicemailsSum: number;
}

export interface TeamDayPageResult {
  totals: TeamDayTotals;
  rows: TeamDayFactsRow[];
  matchCount: number;
}

const p = (column: string) => sql.raw(`p.${column}`);
const sortColumns: Record<Exclude<TeamPageSort, "name">, SQL> = {
  score: p("score"),
  talk: p("talk_ms"),
  calls: p("connected_calls"),
  voicemails: sql`(${p("voicemails_left")} + ${p("voicemails_received")})`,
  missed: p("missed_calls"),
};
const hasCalls = sql`(${p("connected_calls")} + ${p("missed_calls")} + ${p("voicemails_received")} + ${p("voicemails_left")} > 0 OR ${p("talk_ms")} > 0)`;
const isMapped = sql`${p("dialpad_user_id")} IS NOT NULL`;

function showCondition(show: TeamPageShow): SQL {
  // With nobody mapped (a new organization) "mapped" lists everyone.
  if (show === "mapped") return sql`(${isMapped} OR t.mapped_count = 0)`;
  if (show === "with-calls") return sql`(${isMapped} AND ${hasCalls})`;
  if (show === "no-calls") return sql`(${isMapped} AND NOT ${hasCalls})`;
  if (show === "not-mapped") return sql`${p("dialpad_user_id")} IS NULL`;
  return sql`1 = 1`;
}

// Unscored people stay last whichever way the column is sorted; ties go by the given order (names).
function orderBy({ sort, dir }: Pick<TeamDayPageParams, "sort" | "dir">): SQL {
  if (sort === "name") return p("ord");
  const column = sortColumns[sort];
  return sql`(${column} IS NULL), ${column} ${sql.raw(dir === "asc" ? "ASC" : "DESC")}, ${p("ord")}`;
}

const inList = (values: readonly (string | null)[]) => sql.join(values.map((value) => sql`${value}`), sql`, `);

/** lib/services/views/get-team-day.ts's score: a stored row's, else nothing unmapped, unsynced or future, else the role's call-free score. */
function scoreExpression(params: TeamDayPageParams): SQL {
  const branches: SQL[] = [sql`WHEN ${dailyScores.id} IS NOT NULL THEN ${dailyScores.score}`];
  if (params.isDayUnsynced || params.callFreeTitles.length === 0) return sql`CASE ${sql.join(branches, sql` `)} ELSE NULL END`;
  branches.push(sql`WHEN ${employeeDialpadLinks.dialpadUserId} IS NULL THEN NULL`);
  if (params.futureZones.length > 0) {
    branches.push(sql`WHEN coalesce(${employees.timezone}, ${params.defaultTimeZone}) IN (${inList(params.futureZones)}) THEN NULL`);
  }
  const byScore = new Map<number, (string | null)[]>();
  for (const { title, score } of params.callFreeTitles) byScore.set(score, [...(byScore.get(score) ?? []), title]);
  for (const [score, titles] of byScore) {
    const named = titles.filter((title) => title !== null);
    const conditions = [...(named.length > 0 ? [sql`${employees.title} IN (${inList(named)})`] : []), ...(named.length < titles.length ? [sql`${employees.title} IS NULL`] : [])];
    branches.push(sql`WHEN ${sql.join(conditions, sql` OR `)} THEN ${sql.raw(String(Math.trunc(score)))}`);
  }
  return sql`CASE ${sql.join(branches, sql` `)} ELSE NULL END`;
}

function orderedIdsTable(db: Db, ids: readonly number[]): SQL {
  const json = JSON.stringify(ids);
  if (db.$engine === "postgres") {
    return sql`SELECT value::integer AS id, ordinality AS ord FROM json_array_elements_text(${json}::json) WITH ORDINALITY AS o(value, ordinality)`;
  }
  return sql`SELECT value AS id, key AS ord FROM json_each(${json})`;
}

// SQLite's CROSS JOIN keeps the join order: the ids first, then a primary-key lookup each (the other
// way round it scans the JSON array once per employee).
const driveFrom = (db: Db) => sql.raw(db.$engine === "postgres" ? "JOIN" : "CROSS JOIN");

function inScope(scope: TeamScope): SQL {
  return and(teamScopeCondition(scope), eq(employees.isActive, true), isNull(employees.hiddenAt))!;
}

type RawPageRow = Record<string, string | number | null>;
const num = (value: string | number | null | undefined) => Number(value ?? 0);

/**
 * One statement (p is materialized, both the totals and the page read it, and holds no text but the
 * Dialpad user: names and emails are read for the page's rows only): the people in orderedIds (each a primary-key lookup, then one probe of
 * daily_scores_employee_day_uq and employee_dialpad_links_employee_uq), their totals, and the rows
 * of the asked page, or of the last page when it is past the end. Returns the totals even with no match.
 */
export async function selectTeamDayPage(db: Db, params: TeamDayPageParams): Promise<TeamDayPageResult> {
  const size = Math.max(1, Math.trunc(params.pageSize));
  const offset = (Math.max(1, Math.trunc(params.page)) - 1) * size;
  const search = params.matchingIds === null ? sql`` : sql`AND ${p("id")} IN (SELECT value FROM ${jsonValues(db, params.matchingIds)})`;
  const start = sql.raw(`CASE WHEN ${offset} < m.match_count THEN ${offset} ELSE ((m.match_count + ${size - 1}) / ${size} - 1) * ${size} END`);
  const rows = await queryRows<RawPageRow>(
    db,
    sql`WITH o AS (${orderedIdsTable(db, params.orderedIds)}),
    p AS MATERIALIZED (SELECT ${employees.id} AS id, ${employeeDialpadLinks.dialpadUserId} AS dialpad_user_id, o.ord AS ord,
        CASE WHEN ${dailyScores.id} IS NULL THEN 0 ELSE 1 END AS is_stored,
        CASE WHEN ${dailyScores.breakdown} = '' THEN 1 ELSE 0 END AS is_pending,
        ${dailyScores.score} AS stored_score, ${dailyScores.noScoreReason} AS no_score_reason,
        coalesce(${dailyScores.talkMs}, 0) AS talk_ms, coalesce(${dailyScores.connectedCalls}, 0) AS connected_calls,
        coalesce(${dailyScores.voicemailsLeft}, 0) AS voicemails_left, coalesce(${dailyScores.voicemailsReceived}, 0) AS voicemails_received,
        coalesce(${dailyScores.missedCalls}, 0) AS missed_calls, ${scoreExpression(params)} AS score
      FROM o ${driveFrom(db)} ${employees} ON ${employees.id} = o.id
      LEFT JOIN ${dailyScores} ON ${dailyScores.organizationId} = ${employees.organizationId}
        AND ${dailyScores.employeeId} = ${employees.id} AND ${dailyScores.dayKey} = ${params.dayKey}
      LEFT JOIN ${employeeDialpadLinks} ON ${employeeDialpadLinks.organizationId} = ${employees.organizationId}
        AND ${employeeDialpadLinks.employeeId} = ${employees.id}
      WHERE ${inScope(params.scope)}),
    t AS (SELECT count(*) AS people_count, count(p.dialpad_user_id) AS mapped_count, count(p.score) AS scored_count,
        sum(p.score) AS score_sum,
        sum(CASE WHEN ${isMapped} THEN p.talk_ms ELSE 0 END) AS talk_ms_sum,
        sum(CASE WHEN ${isMapped} THEN p.connected_calls ELSE 0 END) AS connected_calls_sum,
        sum(CASE WHEN ${isMapped} THEN p.voicemails_left + p.voicemails_received ELSE 0 END) AS voicemails_sum
      FROM p),
    m AS (SELECT p.*, row_number() OVER (ORDER BY ${orderBy(params)}) AS rn, count(*) OVER () AS match_count
      FROM p CROSS JOIN t WHERE ${showCondition(params.show)} ${search})
    SELECT t.*, m.*, e.name AS name, e.title AS title, e.email AS email, e.timezone AS timezone
    FROM t LEFT JOIN m ON m.rn > ${start} AND m.rn <= ${start} + ${sql.raw(String(size))}
    LEFT JOIN ${employees} e ON e.id = m.id
    ORDER BY m.rn`,
  );
  const first = rows[0];
  const totals: TeamDayTotals = {
    peopleCount: num(first?.people_count),
    mappedCount: num(first?.mapped_count),
    scoredCount: num(first?.scored_count),
    scoreSum: num(first?.score_sum),
    talkMsSum: num(first?.talk_ms_sum),
    connectedCallsSum: num(first?.connected_calls_sum),
    voicemailsSum: num(first?.voicemails_sum),
  };
  const pageRows = rows.filter((row) => row.rn !== null);
  return { totals, rows: pageRows.map(toFactsRow), matchCount: num(first?.match_count) };
}

function jsonValues(db: Db, ids: readonly number[]): SQL {
  const json = JSON.stringify(ids);
  return db.$engine === "postgres"
    ? sql`(SELECT value::integer AS value FROM json_array_elements_text(${json}::json) AS v(value)) AS v`
    : sql`json_each(${json})`;
}

function toFactsRow(row: RawPageRow): TeamDayFactsRow {
  return {
    employeeId: num(row.id),
    name: String(row.name),
    title: row.title === null ? null : String(row.title),
    email: String(row.email),
    timezone: row.timezone === null ? null : String(row.timezone),
    dialpadUserId: row.dialpad_user_id === null ? null : String(row.dialpad_user_id),
    isStored: num(row.is_stored) === 1,
    isPending: num(row.is_pending) === 1,
    score: row.stored_score === null ? null : num(row.stored_score),
    noScoreReason: row.no_score_reason === null ? null : String(row.no_score_reason),
    talkMs: num(row.talk_ms),
    connectedCalls: num(row.connected_calls),
    voicemailsLeft: num(row.voicemails_left),
    voicemailsReceived: num(row.voicemails_received),
    missedCalls: num(row.missed_calls),
  };
}
