import type { Db } from "@/db/client";

/**
 * Called after stored calls of an organization changed: after each committed sync page that added
 * or updated legs, and after each applied webhook batch. Scoring fills this in (recompute the
 * affected days). It runs often during a backfill, so keep it cheap: mark work and return.
 * The sync logs and ignores its errors, so a scoring bug never stops calls from syncing.
 */
export async function afterCallsChanged(db: Db, organizationId: number): Promise<void> {
  void db;
  void organizationId;
}
