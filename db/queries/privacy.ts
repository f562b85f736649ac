import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { firstRow } from "@/db/rows";
import { defaultPrivacySettings, privacySettings } from "@/db/schema";
import type { PrivacySettings } from "@/lib/privacy/privacy-settings";

/** The organization's privacy settings; the defaults until an admin saves them. */
export async function getPrivacySettingsRow(db: Db, organizationId: number): Promise<PrivacySettings> {
  const row = await firstRow(db.select().from(privacySettings).where(eq(privacySettings.organizationId, organizationId)));
  if (!row) return { ...defaultPrivacySettings };
  return {
    callRetentionMonths: row.callRetentionMonths,
    scoreRetentionMonths: row.scoreRetentionMonths,
    maskNumbersFor: row.maskNumbersFor,
    linkRecordings: Boolean(row.linkRecordings),
  };
}

export async function savePrivacySettingsRow(db: Db, organizationId: number, settings: PrivacySettings, now: number): Promise<void> {
  const values = { ...settings, updatedAt: now };
  await db
    .insert(privacySettings)
    .values({ organizationId, ...values })
    .onConflictDoUpdate({ target: privacySettings.organizationId, set: values });
}

/** Organizations that turned recording links on (the sync keeps links only for these). */
export async function isLinkRecordingsOn(db: Db, organizationId: number): Promise<boolean> {
  const row = await firstRow(
    db.select({ on: privacySettings.linkRecordings }).from(privacySettings).where(eq(privacySettings.organizationId, organizationId)),
  );
  return Boolean(row?.on);
}
