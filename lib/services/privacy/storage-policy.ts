import type { Db } from "@/db/client";
import type { IncomingLeg } from "@/db/queries/calls";
import { isLinkRecordingsOn, listErasedDialpadUserIds } from "@/db/queries/privacy";
import type { CallLeg } from "@/lib/calls/types";
import { toStoredCallPayload } from "@/lib/integrations/dialpad/stored-payload";

/** What the sync may store for an organization: recording links only when an admin allowed them; nothing of erased people. */
export type StoragePolicy = { keepRecordingLinks: boolean; erasedDialpadUserIds: ReadonlySet<string> };

export async function getStoragePolicy(db: Db, organizationId: number): Promise<StoragePolicy> {
  const [keepRecordingLinks, erased] = await Promise.all([isLinkRecordingsOn(db, organizationId), listErasedDialpadUserIds(db, organizationId)]);
  return { keepRecordingLinks, erasedDialpadUserIds: new Set(erased) };
}

/** The leg as it may be stored, or null when it belongs to an erased person. */
export function toStoredLeg(policy: StoragePolicy, leg: CallLeg, raw: unknown): IncomingLeg | null {
  if (leg.dialpadUserId !== null && policy.erasedDialpadUserIds.has(leg.dialpadUserId)) return null;
  return { leg, raw: toStoredCallPayload(raw, { keepRecordingLinks: policy.keepRecordingLinks }) };
}
