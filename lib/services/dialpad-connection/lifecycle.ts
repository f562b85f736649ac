import type { Db } from "@/db/client";
import { automaticAuditActor, recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { cleanUpSyncAfterDisconnect, startSyncAfterConnect, stopSyncBeforeDisconnect } from "@/lib/services/sync/connection-lifecycle";

/** Runs after a successful connect or reconnect: the place where sync and mapping start. */
export async function afterDialpadConnected(db: Db, organizationId: number): Promise<void> {
  await startSyncAfterConnect(db, organizationId);
}

/** Runs before a disconnect revokes the tokens, while Dialpad still accepts them. */
export async function beforeDialpadDisconnected(db: Db, organizationId: number): Promise<void> {
  await stopSyncBeforeDisconnect(db, organizationId);
}

/** Runs after a disconnect, once the tokens are gone. */
export async function afterDialpadDisconnected(
  db: Db,
  organizationId: number,
  options: { deleteCallData: boolean },
): Promise<void> {
  await cleanUpSyncAfterDisconnect(db, organizationId, options);
}

/**
 * Runs in the transaction that marks the connection reconnect-needed because Dialpad refused the refresh
 * token: nobody clicked anything, so the audit log is where an admin learns when and why it broke.
 */
export async function afterDialpadReconnectNeeded(tx: Db, organizationId: number, reason: string, at: number): Promise<void> {
  await recordAuditEvent(tx, {
    organizationId,
    actor: automaticAuditActor,
    action: "dialpad.reconnect_needed",
    target: { type: "dialpad_connection" },
    summary: "Dialpad stopped accepting Daymark's authorization; an admin needs to reconnect it",
    details: { reason },
    at,
  });
}
