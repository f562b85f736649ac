// Reads for the Team day page: everyone in scope in one join, and the page's score history.
import { and, asc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dailyScores, employeeDialpadLinks, employees } from "@/db/schema";
import { queryRows } from "../engines/raw";
import { employeesDaysCondition, type EmployeesDays } from "./scores";

/** Whom the viewer may see: the whole organization, or one employee with (or without) their direct reports. */
export type TeamScope =
  | { organizationId: number; kind: "organization" }
  | { organizationId: number; kind: "self_and_reports" | "self"; employeeId: number };

export interface TeamDayFactsRow {
  employeeId: number;
  name: string;
  title: string | null;
  email: string;
  timezone: string | null;
  dialpadUserId: string | null;
  /** A stored row exists: at least one call touched the day. */
  isStored: boolean;
  isPending: boolean;
  score: number | null;
  noScoreReason: string | null;
  talkMs: number;
  connectedCalls: number;
  voicemailsLeft: number;
  voicemailsReceived: number;
  missedCalls: number;
}

// The organization condition sits inside each branch of the manager's OR, so SQLite plans a
// multi-index OR (primary key, employees_manager_idx) instead of walking the organization's employees.
export function teamScopeCondition(scope: TeamScope): SQL | undefined {
  const inOrganization = eq(employees.organizationId, scope.organizationId);
  if (scope.kind === "organization") return inOrganization;
  if (scope.kind === "self") return and(inOrganization, eq(employees.id, scope.employeeId));
  return or(
    and(inOrganization, eq(employees.id, scope.employeeId)),
    and(inOrganization, eq(employees.managerId, scope.employeeId)),
  );
}

/**
 * Every active, not hidden employee in scope with their stored row for `dayKey` (if any) and their
 * Dialpad user. The joins go through daily_scores_employee_day_uq and employee_dialpad_links_employee_uq,
 * so the cost is one index probe per person whatever the size of daily_scores.
 */
export async function listTeamDayFacts(db: Db, scope: TeamScope, dayKey: string): Promise<TeamDayFactsRow[]> {
  const rows = await db
    .select({
      employeeId: employees.id,
      name: employees.name,
      title: employees.title,
      email: employees.email,
      timezone: employees.timezone,
      dialpadUserId: employeeDialpadLinks.dialpadUserId,
      storedId: dailyScores.id,
      // The breakdown is "" between facts and score; reading the flag spares reading the JSON.
      isPending: sql<number>`case when ${dailyScores.breakdown} = '' then 1 else 0 end`,
      score: dailyScores.score,
      noScoreReason: dailyScores.noScoreReason,
      talkMs: dailyScores.talkMs,
      connectedCalls: dailyScores.connectedCalls,
      voicemailsLeft: dailyScores.voicemailsLeft,
      voicemailsReceived: dailyScores.voicemailsReceived,
      missedCalls: dailyScores.missedCalls,
    })
    .from(employees)
    .leftJoin(
      dailyScores,
      and(
        eq(dailyScores.organizationId, employees.organizationId),
        eq(dailyScores.employeeId, employees.id),
        eq(dailyScores.dayKey, dayKey),
      ),
    )
    .leftJoin(
      employeeDialpadLinks,
      and(eq(employeeDialpadLinks.organizationId, employees.organizationId), eq(employeeDialpadLinks.employeeId, employees.id)),
    )
    .where(
      and(teamScopeCondition(scope), eq(employees.isActive, true), isNull(employees.hiddenAt)),
    )
    .orderBy(asc(employees.name), asc(employees.id));
  return rows.map(({ storedId, isPending, ...row }) => ({
    ...row,
    isStored: storedId !== null,
    isPending: Number(isPending) === 1,
    talkMs: row.talkMs ?? 0,
    connectedCalls: row.connectedCalls ?? 0,
    voicemailsLeft: row.voicemailsLeft ?? 0,
    voicemailsReceived: row.voicemailsReceived ?? 0,
    missedCalls: row.missedCalls ?? 0,
  }));
}

/**
 * daily_scores_employee_day_uq: the listed employees' stored scores over [from, to] (a page of people,
 * not everyone), as the driver's plain rows: 100 people × 14 days would be 1,400 rows for drizzle to map.
 */
export async function listTeamScoreHistory(
  db: Db,
  params: EmployeesDays,
): Promise<{ employeeId: number; dayKey: string; score: number | null }[]> {
  if (params.employeeIds.length === 0) return [];
  const rows = await queryRows<{ employee_id: number; day_key: string; score: number | null }>(
    db,
    sql`SELECT ${dailyScores.employeeId} AS employee_id, ${dailyScores.dayKey} AS day_key, ${dailyScores.score} AS score
      FROM ${dailyScores} WHERE ${employeesDaysCondition(params)}`,
  );
  return rows.map((row) => ({ employeeId: Number(row.employee_id), dayKey: row.day_key, score: row.score === null ? null : Number(row.score) }));
}
