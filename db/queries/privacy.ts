import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { firstRow } from "@/db/rows";
import { defaultPrivacySettings, dialpadUsers, employees, privacySettings } from "@/db/schema";
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

/** Dialpad users whose employee was erased: their calls are never stored again. */
export async function listErasedDialpadUserIds(db: Db, organizationId: number): Promise<string[]> {
  const rows = await db
    .select({ id: dialpadUsers.dialpadUserId })
    .from(dialpadUsers)
    .where(and(eq(dialpadUsers.organizationId, organizationId), isNotNull(dialpadUsers.erasedAt)));
  return rows.map((row) => row.id);
}

/** Employees an admin hid: their days feed no role baseline. */
export async function listHiddenEmployeeIds(db: Db, organizationId: number): Promise<Set<number>> {
  const rows = await db
    .select({ id: employees.id })
    .from(employees)
    .where(and(eq(employees.organizationId, organizationId), isNotNull(employees.hiddenAt)));
  return new Set(rows.map((row) => row.id));
}

export async function setEmployeeHiddenAt(db: Db, key: { organizationId: number; employeeId: number }, hiddenAt: number | null): Promise<void> {
  await db
    .update(employees)
    .set({ hiddenAt })
    .where(and(eq(employees.organizationId, key.organizationId), eq(employees.id, key.employeeId)));
}

/**
 * Marks the organization's retention pass as done (the settings row is created with the defaults if
 * missing); `callsPurgedBefore`, when the pass deleted calls, moves the purged horizon forward.
 */
export async function markRetentionRan(db: Db, organizationId: number, now: number, callsPurgedBefore: number | null = null): Promise<void> {
  const earlier = await getCallsPurgedBefore(db, organizationId);
  const purged = callsPurgedBefore === null ? {} : { callsPurgedBefore: Math.max(earlier ?? 0, callsPurgedBefore) };
  await db
    .insert(privacySettings)
    .values({ organizationId, ...defaultPrivacySettings, updatedAt: now, retentionRanAt: now, callsPurgedBefore })
    .onConflictDoUpdate({ target: privacySettings.organizationId, set: { retentionRanAt: now, ...purged } });
}

/** Calls that started before this instant were deleted by the retention purge (null: none ever were). */
export async function getCallsPurgedBefore(db: Db, organizationId: number): Promise<number | null> {
  const row = await firstRow(
    db.select({ before: privacySettings.callsPurgedBefore }).from(privacySettings).where(eq(privacySettings.organizationId, organizationId)),
  );
  return row?.before ?? null;
}
