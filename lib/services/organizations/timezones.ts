import { z } from "@/lib/zod";
import { isValidTimeZone } from "@/lib/dates";

let cachedZones: string[] | undefined;

/** IANA zones this runtime knows, for pickers. Node's ICU leaves "UTC" out of the list, so it is added. */
export function listTimeZones(): string[] {
  cachedZones ??= [...new Set(["UTC", ...Intl.supportedValuesOf("timeZone")])].sort();
  return cachedZones;
}

/**
 * The zone's canonical spelling, or null when it is not an IANA name. Aliases such as
 * "Asia/Kolkata" are accepted even where ICU lists the older "Asia/Calcutta"; offsets like "+05:00" are not.
 */
export function normalizeTimeZone(value: string): string | null {
  const name = value.trim();
  if (!isValidTimeZone(name)) return null;
  return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
}

export const timeZoneSchema = z.string().transform((value, ctx) => {
  const zone = normalizeTimeZone(value);
  if (zone === null) {
    ctx.addIssue({ code: "custom", message: "Choose a valid IANA time zone, such as America/New_York." });
    return z.NEVER;
  }
  return zone;
});
