// The score recompute queue (db/schema/scores.ts). Synchronous: callers run these inside their
// own short transactions, so queued work commits with the change that caused it.
import type Database from "better-sqlite3";
import type { Db } from "@/db/client";
import type { ScoreQueueKind } from "@/db/schema";

export interface QueueRow {
  id: number;
  kind: ScoreQueueKind;
  dialpadUserId: string | null;
  employeeId: number | null;
  role: string | null;
  fromMs: number | null;
  toMs: number | null;
  fromDay: string | null;
  toDay: string | null;
}

export type QueueInsert =
  | { kind: "employee"; employeeId: number }
  | { kind: "role"; role: string; fromDay: string | null; toDay: string | null };

const statements = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(client: Database.Database) {
  return {
    maxId: client.prepare<[number], { maxId: number | null }>(
      "SELECT max(id) AS maxId FROM score_recompute_queue WHERE organization_id = ?",
    ),
    list: client.prepare<[number, number], QueueRow>(
      `SELECT id, kind, dialpad_user_id AS dialpadUserId, employee_id AS employeeId, role, from_ms AS fromMs,
         to_ms AS toMs, from_day AS fromDay, to_day AS toDay
       FROM score_recompute_queue WHERE organization_id = ? AND id <= ? ORDER BY id`,
    ),
    claim: client.prepare<[number, number]>(
      "UPDATE score_recompute_queue SET is_claimed = 1 WHERE organization_id = ? AND id <= ? AND is_claimed = 0",
    ),
    deleteFacts: client.prepare<[number, number]>(
      "DELETE FROM score_recompute_queue WHERE organization_id = ? AND id <= ? AND kind IN ('calls', 'employee')",
    ),
    deleteRoles: client.prepare<[number, number]>(
      "DELETE FROM score_recompute_queue WHERE organization_id = ? AND id <= ? AND kind = 'role'",
    ),
    insert: client.prepare<[number, string, number | null, string | null, string | null, string | null]>(
      `INSERT INTO score_recompute_queue (organization_id, kind, employee_id, role, from_day, to_day)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
  };
}

function statementsFor(db: Db) {
  let prepared = statements.get(db.$client);
  if (!prepared) {
    prepared = prepare(db.$client);
    statements.set(db.$client, prepared);
  }
  return prepared;
}

export function getMaxQueueId(db: Db, organizationId: number): number | null {
  return statementsFor(db).maxId.get(organizationId)?.maxId ?? null;
}

/**
 * Claims and lists the rows up to maxId. A claimed row no longer absorbs new changes (the
 * triggers' unique index covers unclaimed rows only), so nothing that happens after this is lost.
 */
export function claimQueueRows(db: Db, organizationId: number, maxId: number): QueueRow[] {
  const { claim, list } = statementsFor(db);
  claim.run(organizationId, maxId);
  return list.all(organizationId, maxId);
}

/** Deletes the "calls" and "employee" rows up to maxId, or the "role" rows: work that is done. */
export function deleteQueueRows(db: Db, organizationId: number, maxId: number, kind: "facts" | "role"): void {
  const { deleteFacts, deleteRoles } = statementsFor(db);
  (kind === "facts" ? deleteFacts : deleteRoles).run(organizationId, maxId);
}

export function insertQueueRows(db: Db, organizationId: number, rows: readonly QueueInsert[]): void {
  const { insert } = statementsFor(db);
  for (const row of rows) {
    if (row.kind === "employee") insert.run(organizationId, "employee", row.employeeId, null, null, null);
    else insert.run(organizationId, "role", null, row.role, row.fromDay, row.toDay);
  }
}
