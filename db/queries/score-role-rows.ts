// Prepared statements for rescoring a role's stored days. Synchronous.
import type Database from "better-sqlite3";
import type { Db } from "@/db/client";

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

type RawRoleDayRow = Omit<RoleDayRow, "hasActivity"> & { hasActivity: number };

function prepare(client: Database.Database) {
  return {
    rows: client.prepare<[number, string, string, string], RawRoleDayRow>(
      `SELECT id, employee_id AS employeeId, day_key AS dayKey, talk_ms AS talkMs, connected_calls AS connectedCalls,
         has_activity AS hasActivity, score, no_score_reason AS noScoreReason, breakdown
       FROM daily_scores WHERE organization_id = ? AND role = ? AND day_key >= ? AND day_key <= ?`,
    ),
    dayRange: client.prepare<[number, string], { first: string | null; last: string | null }>(
      "SELECT min(day_key) AS first, max(day_key) AS last FROM daily_scores WHERE organization_id = ? AND role = ?",
    ),
    roles: client.prepare<[number], { role: string }>("SELECT DISTINCT role FROM daily_scores WHERE organization_id = ?"),
    update: client.prepare<[number | null, string | null, string, number, number]>(
      "UPDATE daily_scores SET score = ?, no_score_reason = ?, breakdown = ?, computed_at = ? WHERE id = ?",
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

/** daily_scores_org_role_day_idx: the role's rows in [from, to]. */
export function listRoleDayRows(db: Db, organizationId: number, role: string, from: string, to: string): RoleDayRow[] {
  return statementsFor(db)
    .rows.all(organizationId, role, from, to)
    .map((row) => ({ ...row, hasActivity: row.hasActivity === 1 }));
}

export function getRoleDayRange(db: Db, organizationId: number, role: string): { from: string; to: string } | null {
  const range = statementsFor(db).dayRange.get(organizationId, role);
  return range?.first && range.last ? { from: range.first, to: range.last } : null;
}

export function listStoredRoles(db: Db, organizationId: number): string[] {
  return statementsFor(db).roles.all(organizationId).map((row) => row.role);
}

export function updateDayScore(
  db: Db,
  id: number,
  values: { score: number | null; noScoreReason: string | null; breakdown: string; computedAt: number },
): void {
  statementsFor(db).update.run(values.score, values.noScoreReason, values.breakdown, values.computedAt, id);
}
