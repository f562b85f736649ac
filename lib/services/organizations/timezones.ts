import { z } from "@/lib/zod";
import { canonicalTimeZone } from "@/lib/canonical-time-zone";
import { isValidTimeZone } from "@/lib/dates";

let cachedZones: string[] | undefined;

/**
 * IANA zones this runtime knows, for pickers, by their current names ("Asia/Kolkata", never ICU's "Asia/Calcutta").
 * Node's ICU leaves "UTC" out of the list, so it is added.
 */
export function listTimeZones(): string[] {
  cachedZones ??= [...new Set(["UTC", ...Intl.supportedValuesOf("timeZone").map(canonicalTimeZone)])].sort();
  return cachedZones;
}

/**
 * The zone's canonical IANA name, or null when it is not an IANA name: "asia/calcutta" and "Asia/Kolkata"
 * both become "Asia/Kolkata"; offsets like "+05:00" are refused.
 */
export function normalizeTimeZone(value: string): string | null {
  const name = value.trim();
  if (!isValidTimeZone(name)) return null;
  return canonicalTimeZone(new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone);
}

export const timeZoneSchema = z.string().transform((value, ctx) => {
  const zone = normalizeTimeZone(value);
  if (zone === null) {
    ctx.addIssue({ code: "custom", message: "Choose a valid IANA time zone, such as America/New_York." });
    return z.NEVER;
  }
  return zone;
});
