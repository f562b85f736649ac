import { z } from "@/lib/zod";
import type { Db } from "@/db/client";
import { getPrivacySettingsRow, savePrivacySettingsRow } from "@/db/queries/privacy";
import { maskNumbersForOptions } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import type { PrivacySettings } from "@/lib/privacy/privacy-settings";
import { assertRole, type Viewer } from "@/lib/services/access/viewer";
import { changedFields } from "@/lib/services/audit/changed-fields";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

export const privacySettingsSchema = z.object({
  callRetentionMonths: z.coerce.number().int("Enter whole months.").min(1, "At least 1 month.").max(120, "At most 120 months (10 years)."),
  scoreRetentionMonths: z.coerce.number().int("Enter whole months.").min(1, "At least 1 month.").max(120, "At most 120 months (10 years)."),
  maskNumbersFor: z.enum(maskNumbersForOptions, "Choose who sees masked numbers."),
  // An unticked checkbox sends nothing.
  linkRecordings: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()),
});

const keys = ["callRetentionMonths", "scoreRetentionMonths", "maskNumbersFor", "linkRecordings"] as const;

/** Saves Settings → Privacy (admins only) and writes what changed to the audit log in the same transaction. */
export async function updatePrivacySettings(db: Db, viewer: Viewer, input: unknown, now: number = Date.now()): Promise<PrivacySettings> {
  assertRole(viewer, ["admin"]);
  const settings = privacySettingsSchema.parse(input);
  await withTransaction(db, async (tx) => {
    const before = await getPrivacySettingsRow(tx, viewer.organizationId);
    await savePrivacySettingsRow(tx, viewer.organizationId, settings, now);
    const changes = changedFields(before, settings, keys);
    if (Object.keys(changes).length === 0) return;
    await recordAuditEvent(tx, {
      organizationId: viewer.organizationId,
      actor: viewer,
      action: "privacy.settings_changed",
      target: { type: "privacy_settings" },
      summary: "Changed privacy settings",
      details: changes,
      at: now,
    });
  });
  return settings;
}
