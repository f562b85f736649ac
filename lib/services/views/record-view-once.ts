import type { Db } from "@/db/client";
import { listDataViews } from "@/db/queries/data-views";
import type { DataViewKind } from "@/db/schema";
import type { Viewer } from "@/lib/services/access/viewer";
import { recordDataView } from "@/lib/services/privacy/record-data-view";

// Today's page re-renders every 15 s (LiveRefresh): one log line per visit, not one per refresh.
const REPEAT_WINDOW_MS = 30 * 60_000;

/** The "who opened my data" line for a day or call page, unless this viewer opened the same thing within 30 minutes. */
export async function recordViewOnce(
  db: Db,
  viewer: Viewer,
  view: { employeeId: number; kind: DataViewKind; detail: string },
  now: number = Date.now(),
): Promise<void> {
  if (viewer.employeeId === view.employeeId) return;
  const recent = await listDataViews(db, { organizationId: viewer.organizationId, employeeId: view.employeeId, since: now - REPEAT_WINDOW_MS, limit: 100 });
  const isRepeat = recent.some((line) => line.viewerUserId === viewer.userId && line.kind === view.kind && line.detail === view.detail);
  if (!isRepeat) await recordDataView(db, viewer, view, now);
}
