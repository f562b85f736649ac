import type { Db } from "@/db/client";
import { getDialpadConnection } from "@/db/queries/dialpad-connections";
import { getSyncedHistoryStart } from "@/db/queries/views";
import type { DayBounds } from "@/lib/dates";

/** What Daymark has read from Dialpad: the earliest instant a finished sync covered, and the last sync. */
export interface SyncedHistory {
  start: number | null;
  lastSyncAt: number | null;
}

export async function getSyncedHistory(db: Db, organizationId: number): Promise<SyncedHistory> {
  const connection = await getDialpadConnection(db, organizationId);
  const start = await getSyncedHistoryStart(db, organizationId);
  return { start, lastSyncAt: connection?.lastSyncAt ?? null };
}

/** False for a day no sync has read: before the history starts, or after the last sync. Such a day has no data, not zeros. */
export function isDaySynced(bounds: DayBounds, history: SyncedHistory): boolean {
  if (history.lastSyncAt === null || history.lastSyncAt <= bounds.start) return false;
  return history.start === null || history.start < bounds.end;
}
