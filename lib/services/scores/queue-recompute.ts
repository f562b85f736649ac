// Score work for changes other than calls: mapping, time-zone, title and settings changes. The
// queue* functions only queue: call them with the transaction handle of the change (inside
// withTransaction), so the change and its score work commit together, then scheduleScoreDrain after
// the commit (never drain inside a request: a whole history takes seconds per employee). Each call
// queues one recalculation whose progress the day and settings pages show.
import type { Db } from "@/db/client";
import { listEmployeeIds } from "@/db/queries/employees";
import { insertQueueRows, newQueueBatch } from "@/db/queries/score-queue";
import { listStoredRoles } from "@/db/queries/score-role-rows";
import { drainScoreQueue } from "./drain-score-queue";

/** Queues a recompute of every day of these employees (their calls, role or time zone changed). */
export async function queueEmployeeRecompute(tx: Db, organizationId: number, employeeIds: readonly number[]): Promise<void> {
  if (employeeIds.length === 0) return;
  const batch = newQueueBatch("employees", employeeIds.length);
  await insertQueueRows(tx, organizationId, employeeIds.map((employeeId) => ({ kind: "employee", employeeId })), batch);
}

/** Queues a recompute of every day of every employee: the organization's time zone or day-start hour changed. */
export async function queueOrganizationRecompute(tx: Db, organizationId: number): Promise<void> {
  await queueEmployeeRecompute(tx, organizationId, await listEmployeeIds(tx, organizationId));
}

/** Queues a rescore of every stored day of the roles (null: every role): weights, targets or work week changed. */
export async function queueRoleRescore(tx: Db, organizationId: number, roles: readonly string[] | null): Promise<void> {
  const list = roles ?? (await listStoredRoles(tx, organizationId));
  if (list.length === 0) return;
  const batch = newQueueBatch("roles", list.length);
  await insertQueueRows(tx, organizationId, list.map((role) => ({ kind: "role", role, fromDay: null, toDay: null })), batch);
}

/** Queues and drains a recompute of every day of every employee (benchmarks, tests, maintenance). */
export async function recomputeOrganizationScores(db: Db, organizationId: number): Promise<void> {
  await queueOrganizationRecompute(db, organizationId);
  await drainScoreQueue(db, organizationId);
}
