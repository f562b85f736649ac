import type { Db } from "@/db/client";
import { deleteDataViewsBefore } from "@/db/queries/data-views";
import { getPrivacySettingsRow, markRetentionRan } from "@/db/queries/privacy";
import { deleteCallsStartedBefore, deleteDailyScoresBefore } from "@/db/queries/privacy-retention";
import { withTransaction } from "@/db/transaction";
import { DATA_VIEW_RETENTION_DAYS, getRetentionCutoff, getRetentionCutoffDayKey } from "@/lib/privacy/retention-cutoff";
import { automaticAuditActor, recordAuditEvent } from "@/lib/services/audit/record-audit-event";

export type PurgeSummary = { calls: number; dailyScores: number; dataViews: number; callsBefore: number; scoresBefore: string };

const dayMs = 86_400_000;

/**
 * The daily retention pass for one organization: deletes call legs older than the call retention, daily
 * scores older than the score retention (a day whose calls went keeps its score) and view-log entries older
 * than 90 days, `batchSize` rows per transaction so no lock is held long, then writes what it deleted and
 * the cut-offs to the audit log (nothing when nothing was deleted).
 */
export async function purgeExpiredData(db: Db, organizationId: number, options: { now?: number; batchSize?: number } = {}): Promise<PurgeSummary> {
  const now = options.now ?? Date.now();
  const limit = options.batchSize ?? 1_000;
  const settings = await getPrivacySettingsRow(db, organizationId);
  const callsBefore = getRetentionCutoff(now, settings.callRetentionMonths);
  const scoresBefore = getRetentionCutoffDayKey(now, settings.scoreRetentionMonths);
  const deleteAll = async (deleteBatch: (tx: Db) => Promise<number>) => {
    let total = 0;
    for (;;) {
      const deleted = await withTransaction(db, deleteBatch);
      total += deleted;
      if (deleted < limit) return total;
    }
  };
  const summary: PurgeSummary = {
    calls: await deleteAll((tx) => deleteCallsStartedBefore(tx, { organizationId, before: callsBefore, limit })),
    dailyScores: await deleteAll((tx) => deleteDailyScoresBefore(tx, { organizationId, beforeDayKey: scoresBefore, limit })),
    dataViews: await deleteAll((tx) => deleteDataViewsBefore(tx, { organizationId, before: now - DATA_VIEW_RETENTION_DAYS * dayMs, limit })),
    callsBefore,
    scoresBefore,
  };
  await withTransaction(db, async (tx) => {
    await markRetentionRan(tx, organizationId, now, summary.calls > 0 ? callsBefore : null);
    if (summary.calls + summary.dailyScores + summary.dataViews === 0) return;
    await recordAuditEvent(tx, {
      organizationId,
      actor: automaticAuditActor,
      action: "privacy.retention_purged",
      target: { type: "privacy_settings" },
      summary: `Deleted ${summary.calls} call legs from before ${new Date(callsBefore).toISOString().slice(0, 10)}, ${summary.dailyScores} daily scores from before ${scoresBefore} and ${summary.dataViews} view-log entries older than ${DATA_VIEW_RETENTION_DAYS} days`,
      details: { ...summary, callRetentionMonths: settings.callRetentionMonths, scoreRetentionMonths: settings.scoreRetentionMonths },
      at: now,
    });
  });
  return summary;
}
