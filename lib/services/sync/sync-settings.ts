import { z } from "@/lib/zod";
import type { Db } from "@/db/client";
import { getSyncSettings, saveSyncSettings, type SyncSettings } from "@/db/queries/sync";
import { withTransaction } from "@/db/transaction";
import { changedFields } from "@/lib/services/audit/changed-fields";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { isAppError } from "@/lib/errors";
import { assertAdmin, type AdminContext } from "@/lib/services/dialpad-connection/context";
import { requestSyncNow } from "./request-sync";

export const syncSettingsSchema = z.object({
  backfillDays: z.coerce.number().int("Enter whole days.").min(1, "At least 1 day.").max(365, "At most 365 days."),
  intervalMinutes: z.coerce.number().int("Enter whole minutes.").min(1, "At least 1 minute.").max(1440, "At most 1,440 minutes (a day)."),
  trailingWindowHours: z.coerce.number().int("Enter whole hours.").min(1, "At least 1 hour.").max(720, "At most 720 hours (30 days)."),
});

export async function getSyncSettingsForAdmin(db: Db, admin: AdminContext): Promise<SyncSettings> {
  assertAdmin(admin);
  return getSyncSettings(db, admin.organizationId);
}

/**
 * The backfill length chosen on the connect form, saved in the connect's transaction (before the first
 * backfill is planned); the other settings keep their values. Audited like any settings change.
 */
export async function saveBackfillDaysChosenAtConnect(tx: Db, admin: AdminContext, backfillDays: number, now: number): Promise<void> {
  const days = syncSettingsSchema.shape.backfillDays.parse(backfillDays);
  const before = await getSyncSettings(tx, admin.organizationId);
  if (before.backfillDays === days) return;
  await saveSyncSettings(tx, admin.organizationId, { ...before, backfillDays: days }, now);
  await recordAuditEvent(tx, {
    organizationId: admin.organizationId,
    actor: admin,
    action: "sync.settings_changed",
    target: { type: "sync_settings" },
    summary: "Changed sync settings",
    details: changedFields(before, { ...before, backfillDays: days }, ["backfillDays"]),
    at: now,
  });
}

/**
 * Saves the organization's sync settings; they apply from the next run. A raised backfill starts a
 * run for the older days it adds at once (when Dialpad is connected and no run is going; otherwise the
 * next scheduled sync does, as prepareNextRun always reads the days a backfill setting asks for).
 */
export async function updateSyncSettings(
  db: Db,
  admin: AdminContext,
  input: SyncSettings,
  options: { now?: number; launch?: boolean } = {},
): Promise<SyncSettings> {
  assertAdmin(admin);
  const settings = syncSettingsSchema.parse(input);
  const now = options.now ?? Date.now();
  const before = await withTransaction(db, async (tx) => {
    const stored = await getSyncSettings(tx, admin.organizationId);
    await saveSyncSettings(tx, admin.organizationId, settings, now);
    await recordAuditEvent(tx, {
      organizationId: admin.organizationId,
      actor: admin,
      action: "sync.settings_changed",
      target: { type: "sync_settings" },
      summary: "Changed sync settings",
      details: changedFields(stored, settings, ["backfillDays", "intervalMinutes", "trailingWindowHours"]),
      at: now,
    });
    return stored;
  });
  if (settings.backfillDays > before.backfillDays) await fetchOlderDaysNow(db, admin, { now, launch: options.launch });
  return settings;
}

async function fetchOlderDaysNow(db: Db, admin: AdminContext, options: { now: number; launch?: boolean }): Promise<void> {
  try {
    await requestSyncNow(db, admin, options);
  } catch (error) {
    // Busy or not connected: the scheduler starts it with its next sync.
    if (!isAppError(error)) throw error;
  }
}
