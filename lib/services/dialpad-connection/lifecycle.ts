import type { Db } from "@/db/client";
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
