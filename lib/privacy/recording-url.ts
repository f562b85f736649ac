// The "Listen in Dialpad" link: a share link Dialpad put in the stored payload (kept only while the
// admin setting "Link to recordings in Dialpad" is on). Daymark stores no audio.

/** The call recording first, else the voicemail; only https links, so a payload cannot inject a script URL. */
export function findRecordingUrl(storedPayload: string): string | null {
  let payload: unknown;
  try {
    payload = JSON.parse(storedPayload);
  } catch {
    return null;
  }
  if (typeof payload !== "object" || payload === null) return null;
  const record = payload as Record<string, unknown>;
  const details = Array.isArray(record.recording_details) ? record.recording_details : [];
  const candidates = [
    ...asArray(record.call_recording_share_links),
    record.voicemail_share_link,
    ...details.map((item) => (typeof item === "object" && item !== null ? (item as Record<string, unknown>).url : null)),
    record.voicemail_link,
  ];
  return candidates.find(isHttpsUrl) ?? null;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isHttpsUrl(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}
