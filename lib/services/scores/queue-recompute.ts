// Entry points that queue score work and drain it: mapping, time-zone, title and settings changes.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { insertQueueRows } from "@/db/queries/score-queue";
import { listStoredRoles } from "@/db/queries/score-role-rows";
import { employees } from "@/db/schema";
import { drainScoreQueue } from "./drain-score-queue";

/** Recomputes every day of these employees (their calls, role or time zone changed). */
export async function recomputeEmployeeScores(db: Db, organizationId: number, employeeIds: readonly number[]): Promise<void> {
  if (employeeIds.length === 0) return;
  insertQueueRows(db, organizationId, employeeIds.map((employeeId) => ({ kind: "employee", employeeId })));
  await drainScoreQueue(db, organizationId);
}

/** Recomputes every day of every employee: the organization's time zone or day-start hour changed. */
export async function recomputeOrganizationScores(db: Db, organizationId: number): Promise<void> {
  const ids = db.select({ id: employees.id }).from(employees).where(eq(employees.organizationId, organizationId)).all();
  await recomputeEmployeeScores(db, organizationId, ids.map((row) => row.id));
}

/** Rescores every stored day of the roles (null: every role), without recomputing facts: weights, targets or work week changed. */
export async function rescoreRoles(db: Db, organizationId: number, roles: readonly string[] | null): Promise<void> {
  const list = roles ?? listStoredRoles(db, organizationId);
  insertQueueRows(db, organizationId, list.map((role) => ({ kind: "role", role, fromDay: null, toDay: null })));
  await drainScoreQueue(db, organizationId);
}
