import type { Db } from "@/db/client";
import { getDialpadConnection } from "@/db/queries/dialpad-connections";
import { getRunningSync, getSyncedHistoryStart } from "@/db/queries/views";
import type { DayBounds } from "@/lib/dates";
import { getRetentionCutoff } from "@/lib/privacy/retention-cutoff";
import { getPrivacySettings } from "@/lib/services/privacy/get-privacy-settings";
import { isDaySynced } from "./synced-history";

/** Why a day may look empty or incomplete; the page turns each into a sentence. */
export type DayStatus =
  | { kind: "complete"; lastSyncAt: number | null }
  | { kind: "future" }
  /** Older than the privacy setting keeps call legs: the calls were deleted, the score stays. */
  | { kind: "calls_purged"; retentionMonths: number }
  | { kind: "not_mapped" }
  | { kind: "not_connected" }
  | { kind: "sync_in_progress" }
  | { kind: "not_synced_yet"; historyStart: number | null }
  /** Today, or a day the last sync ended inside: newer calls may still arrive. */
  | { kind: "partial"; lastSyncAt: number };

/**
 * Evaluated in the order a person would check: is the day over at all, is this employee linked to
 * a Dialpad user, is Dialpad connected, is a sync reading this day right now, has any sync read it.
 */
export async function getDayStatus(
  db: Db,
  params: { organizationId: number; isMapped: boolean; bounds: DayBounds; now: number },
): Promise<DayStatus> {
  const { bounds, now } = params;
  if (bounds.start > now) return { kind: "future" };
  const { callRetentionMonths } = await getPrivacySettings(db, params.organizationId);
  if (bounds.end <= getRetentionCutoff(now, callRetentionMonths)) return { kind: "calls_purged", retentionMonths: callRetentionMonths };
  if (!params.isMapped) return { kind: "not_mapped" };
  const connection = await getDialpadConnection(db, params.organizationId);
  if (!connection || connection.status === "disconnected") return { kind: "not_connected" };
  const running = await getRunningSync(db, params.organizationId);
  // A run reads windows backwards from range_end; everything at or after window_end is done.
  if (running && running.rangeStart < bounds.end && running.windowEnd > bounds.start) return { kind: "sync_in_progress" };
  const historyStart = await getSyncedHistoryStart(db, params.organizationId);
  const lastSyncAt = connection.lastSyncAt;
  if (lastSyncAt === null || !isDaySynced(bounds, { start: historyStart, lastSyncAt })) return { kind: "not_synced_yet", historyStart };
  if (lastSyncAt < bounds.end) return { kind: "partial", lastSyncAt };
  return { kind: "complete", lastSyncAt };
}
