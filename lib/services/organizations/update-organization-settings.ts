import type { z } from "zod";
import type { Db } from "@/db/client";
import { getOrganizationForUpdate, updateOrganization } from "@/db/queries/organizations";
import type { Organization } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { AppError } from "@/lib/errors";
import { assertRole, type Viewer } from "@/lib/services/access/viewer";
import { changedFields } from "@/lib/services/audit/changed-fields";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { queueScoresAfterOrganizationSettingsChanged } from "@/lib/services/scores/after-organization-settings-changed";
import { scheduleScoreDrain } from "@/lib/services/scores/schedule-score-drain";
import type { organizationSettingsSchema } from "./organization-schemas";

export type OrganizationSettings = z.output<typeof organizationSettingsSchema>;

const organizationSettingKeys = ["name", "timezone", "countryCode", "dayStartHour", "workWeek"] as const;

/**
 * Admins only. The domain is fixed at set-up: users' emails and the Dialpad company depend on it.
 * The score work a new time zone, day start or work week causes is queued in the same transaction.
 */
export async function updateOrganizationSettings(
  db: Db,
  viewer: Viewer,
  settings: OrganizationSettings,
): Promise<Organization> {
  assertRole(viewer, ["admin"]);
  const { updated, isScoreWorkQueued } = await withTransaction(db, async (tx) => {
    const before = await getOrganizationForUpdate(tx, viewer.organizationId);
    const after = before && (await updateOrganization(tx, viewer.organizationId, settings));
    if (!before || !after) throw new AppError("NOT_FOUND", "Organization not found.");
    await recordAuditEvent(tx, {
      organizationId: viewer.organizationId,
      actor: viewer,
      action: "organization.settings_changed",
      target: { type: "organization", id: viewer.organizationId },
      summary: "Changed organization settings",
      details: changedFields(before, after, organizationSettingKeys),
    });
    return { updated: after, isScoreWorkQueued: await queueScoresAfterOrganizationSettingsChanged(tx, before, after) };
  });
  if (isScoreWorkQueued) scheduleScoreDrain(db, viewer.organizationId);
  return updated;
}
