import type { Db } from "@/db/client";
import { refreshDialpadUsersQuietly } from "@/lib/services/mapping/refresh-dialpad-users";

/** Runs after a successful connect or reconnect: the place where sync and mapping start. */
export async function afterDialpadConnected(db: Db, organizationId: number): Promise<void> {
  await refreshDialpadUsersQuietly(db, organizationId);
}

/** Runs after a disconnect, once the tokens are gone. */
export async function afterDialpadDisconnected(
  db: Db,
  organizationId: number,
  options: { deleteCallData: boolean },
): Promise<void> {
  void db;
  void organizationId;
  void options;
}
