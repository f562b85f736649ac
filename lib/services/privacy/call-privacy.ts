import type { Db } from "@/db/client";
import { shouldMaskNumbers } from "@/lib/privacy/mask-phone-number";
import { findRecordingUrl } from "@/lib/privacy/recording-url";
import type { Viewer } from "@/lib/services/access/viewer";
import { getPrivacySettings } from "./get-privacy-settings";

/** How this viewer may see calls: masked numbers or not, and whether "Listen in Dialpad" links show. */
export type CallPrivacy = { isMasked: boolean; linkRecordings: boolean };

export async function getCallPrivacy(db: Db, viewer: Viewer): Promise<CallPrivacy> {
  const settings = await getPrivacySettings(db, viewer.organizationId);
  return { isMasked: shouldMaskNumbers(viewer.role, settings), linkRecordings: settings.linkRecordings };
}

/** The "Listen in Dialpad" link of a stored call: only while the setting is on. */
export function getRecordingUrl(privacy: CallPrivacy, storedPayload: string): string | null {
  return privacy.linkRecordings ? findRecordingUrl(storedPayload) : null;
}
