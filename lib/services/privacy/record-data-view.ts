import type { Db } from "@/db/client";
import { insertDataView } from "@/db/queries/data-views";
import type { DataViewKind } from "@/db/schema";
import type { Viewer } from "@/lib/services/access/viewer";

/**
 * Writes one line of the employee's "who opened my data" log (My data shows 90 days of it). Nothing is
 * written when the employee opens their own data.
 */
export async function recordDataView(
  db: Db,
  viewer: Viewer,
  view: { employeeId: number; kind: DataViewKind; detail?: string },
  now: number = Date.now(),
): Promise<void> {
  if (viewer.employeeId === view.employeeId) return;
  await insertDataView(db, {
    organizationId: viewer.organizationId,
    employeeId: view.employeeId,
    viewerUserId: viewer.userId,
    viewerName: viewer.name,
    kind: view.kind,
    detail: view.detail ?? null,
    createdAt: now,
  });
}
