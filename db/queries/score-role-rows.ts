// Rescoring a role's stored days: read the role's rows, write their scores. Call them inside the
// rescore's transaction; prepared statements on SQLite, set-based statements on PostgreSQL.
import { and, eq, max, min } from "drizzle-orm";
import type { Db } from "@/db/client";
import { postgresScoreRows } from "@/db/engines/postgres-scores";
import { sqliteScoreRows } from "@/db/engines/sqlite-scores";
import { firstRow } from "@/db/rows";
import { dailyScores } from "@/db/schema";

export interface RoleDayRow {
  id: number;
  employeeId: number;
  dayKey: string;
  talkMs: number;
  connectedCalls: number;
  hasActivity: boolean;
  score: number | null;
  noScoreReason: string | null;
  breakdown: string;
}

/** An active day of someone in the role (counted talk time or a connected call). */
export interface RoleActivityRow {
  employeeId: number;
  dayKey: string;
  talkMs: number;
  connectedCalls: number;
}

export interface DayScoreUpdate {
  id: number;
  score: number | null;
  noScoreReason: string | null;
  breakdown: string;
  computedAt: number;
}

/** daily_scores_org_role_day_idx: the role's rows in [from, to]. */
export async function listRoleDayRows(db: Db, organizationId: number, role: string, from: string, to: string): Promise<RoleDayRow[]> {
  if (db.$engine === "postgres") return postgresScoreRows.listRoleDayRows(db, organizationId, role, from, to);
  return sqliteScoreRows.listRoleDayRows(db, organizationId, role, from, to);
}

/** daily_scores_org_role_day_idx: the role's active days in [from, to], the facts a baseline reads. */
export async function listRoleActivity(db: Db, organizationId: number, role: string, from: string, to: string): Promise<RoleActivityRow[]> {
  if (db.$engine === "postgres") return postgresScoreRows.listRoleActivity(db, organizationId, role, from, to);
  return sqliteScoreRows.listRoleActivity(db, organizationId, role, from, to);
}

export async function getRoleDayRange(db: Db, organizationId: number, role: string): Promise<{ from: string; to: string } | null> {
  const range = await firstRow(
    db
      .select({ first: min(dailyScores.dayKey), last: max(dailyScores.dayKey) })
      .from(dailyScores)
      .where(and(eq(dailyScores.organizationId, organizationId), eq(dailyScores.role, role))),
  );
  return range?.first && range.last ? { from: range.first, to: range.last } : null;
}

export async function listStoredRoles(db: Db, organizationId: number): Promise<string[]> {
  const rows = await db.selectDistinct({ role: dailyScores.role }).from(dailyScores).where(eq(dailyScores.organizationId, organizationId));
  return rows.map((row) => row.role);
}

export async function updateDayScores(db: Db, organizationId: number, updates: readonly DayScoreUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  if (db.$engine === "postgres") await postgresScoreRows.updateDayScores(db, organizationId, updates);
  else sqliteScoreRows.updateDayScores(db, organizationId, updates);
}
