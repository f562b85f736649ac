import type { Db } from "@/db/client";
import { getPrivacySettingsRow } from "@/db/queries/privacy";
import type { PrivacySettings } from "@/lib/privacy/privacy-settings";

export type { PrivacySettings };

/** Retention, number masking and recording links for an organization (defaults: 13 and 25 months, managers, off). */
export async function getPrivacySettings(db: Db, organizationId: number): Promise<PrivacySettings> {
  return getPrivacySettingsRow(db, organizationId);
}
