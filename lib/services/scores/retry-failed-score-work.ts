import type { Db } from "@/db/client";
import { requeueFailedRows } from "@/db/queries/score-queue-status";
import { AppError } from "@/lib/errors";
import { assertRole, type Viewer } from "@/lib/services/access/viewer";
import { scheduleScoreDrain } from "./schedule-score-drain";

/**
 * Admins only: failed score work (one row by id, or all) is queued again with a fresh set of tries,
 * and runs in the background. An id that is not a failed row of the organization is a 404.
 */
export async function retryFailedScoreWork(db: Db, viewer: Viewer, target: { id: number } | "all"): Promise<number> {
  assertRole(viewer, ["admin"]);
  const requeued = await requeueFailedRows(db, viewer.organizationId, target === "all" ? "all" : [target.id]);
  if (target !== "all" && requeued.length === 0) throw new AppError("NOT_FOUND", "That failed recalculation no longer exists.");
  if (requeued.length > 0) scheduleScoreDrain(db, viewer.organizationId);
  return requeued.length;
}
