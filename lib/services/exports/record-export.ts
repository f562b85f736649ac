import type { Db } from "@/db/client";
import { withTransaction } from "@/db/transaction";
import type { Viewer } from "@/lib/services/access/viewer";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { recordDataView } from "@/lib/services/privacy/record-data-view";

/**
 * An export is written to the audit log and to each exported person's "who opened my data" log,
 * together, before the first byte is sent.
 */
export async function recordExport(
  db: Db,
  viewer: Viewer,
  input: { employeeIds: number[]; target: { type: string; id?: number }; summary: string; details: unknown; now: number },
): Promise<void> {
  await withTransaction(db, async (tx) => {
    await recordAuditEvent(tx, {
      organizationId: viewer.organizationId,
      actor: viewer,
      action: "data.exported",
      target: input.target,
      summary: input.summary,
      details: input.details,
      at: input.now,
    });
    for (const employeeId of input.employeeIds) {
      await recordDataView(tx, viewer, { employeeId, kind: "export", detail: input.summary }, input.now);
    }
  });
}
