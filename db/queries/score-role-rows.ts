// Rescoring a role's stored days: read the role's rows, write their scores. Call them inside the
// rescore's transaction; prepared statements on SQLite, set-based statements on PostgreSQL.
import { and, eq, inArray, max, min } from "drizzle-orm";
import type { Db } from "@/db/client";
import { postgresScoreRows } from "@/db/engines/postgres-scores";
import { sqliteScoreRows } from "@/db/engines/sqlite-scores";
import { firstRow } from "@/db/rows";
import { dailyScores, organizations, scoreSettings, type Organization, type ScoreSetting } from "@/db/schema";

export interface RoleDayRow {
  id: number;
  employeeId: number;
  dayKey: string;
  talkMs: number;
  connectedCalls: number;
  hasActivity: boolean;
  /** The employee is hidden: their days are scored but left out of everyone's baseline. */
  isHidden: boolean;
  score: number | null;
  noScoreReason: string | null;
  /** "" while pending; null when a sampled read left it out (see listRoleWindow). */
  breakdown: string | null;
}

/** An active day of someone in the role (counted talk time or a connected call). */
export interface RoleActivityRow {
  employeeId: number;
  dayKey: string;
  talkMs: number;
  connectedCalls: number;
  isHidden: boolean;
}

export interface DayScoreUpdate {
  id: number;
  score: number | null;
  noScoreReason: string | null;
  breakdown: string;
  computedAt: number;
}

/**
 * daily_scores_org_role_day_idx, in one statement: the role's rows in [from, to] and its active days
 * in [sourceFrom, from), the facts their baselines read. `isSampled`: of the scored rows in [from, to]
 * only one per day comes with its breakdown (on SQLite read by id in a second statement), the others with null.
 */
export async function listRoleWindow(
  db: Db,
  organizationId: number,
  role: string,
  range: { sourceFrom: string; from: string; to: string; isSampled: boolean },
): Promise<{ before: RoleActivityRow[]; rows: RoleDayRow[] }> {
  const all = db.$engine === "postgres"
    ? await postgresScoreRows.listRoleWindow(db, organizationId, role, range)
    : sqliteScoreRows.listRoleWindow(db, organizationId, role, range);
  const before: RoleActivityRow[] = [];
  const rows: RoleDayRow[] = [];
  const samples = new Map<string, RoleDayRow>();
  const sampledDays = new Set<string>();
  for (const row of all) {
    if (row.dayKey < range.from) before.push(row);
    else {
      rows.push(row);
      if (row.breakdown) sampledDays.add(row.dayKey);
      else if (row.breakdown === null && !samples.has(row.dayKey)) samples.set(row.dayKey, row);
    }
  }
  // PostgreSQL's statement brings the samples itself (a round trip fewer); SQLite's is cheaper without them.
  for (const dayKey of sampledDays) samples.delete(dayKey);
  if (samples.size > 0) {
    const ids = [...samples.values()].map((row) => row.id);
    const read = db.$engine === "postgres"
      ? await postgresScoreRows.listBreakdowns(db, organizationId, ids)
      : sqliteScoreRows.listBreakdowns(db, organizationId, ids);
    const byId = new Map(read.map((row) => [row.id, row.breakdown]));
    for (const row of samples.values()) row.breakdown = byId.get(row.id) ?? null;
  }
  return { before, rows };
}

/** The organization's work week and the score settings a role uses (its own and the default role's); undefined: no organization. */
export async function getRoleScoringState(
  db: Db,
  organizationId: number,
  role: string,
): Promise<{ organization: Pick<Organization, "workWeek">; settings: ScoreSetting[] } | undefined> {
  const rows = await db
    .select({ workWeek: organizations.workWeek, setting: scoreSettings })
    .from(organizations)
    .leftJoin(scoreSettings, and(eq(scoreSettings.organizationId, organizations.id), inArray(scoreSettings.role, [role, ""])))
    .where(eq(organizations.id, organizationId));
  if (rows.length === 0) return undefined;
  return { organization: { workWeek: rows[0]!.workWeek }, settings: rows.flatMap((row) => (row.setting ? [row.setting] : [])) };
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
