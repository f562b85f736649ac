import { parsePhoneNumberFromString } from "libphonenumber-js";
import type { UserRole } from "@/db/schema";
import type { PrivacySettings } from "./privacy-settings";

const hidden = "••• •••";

/**
 * "+14155550142" → "+1 ••• ••• 0142": the country code and the last four digits stay, so a person
 * can still tell calls apart without reading the number. Anything too short to mask that way is hidden whole.
 */
export function maskPhoneNumber(e164: string): string {
  const digits = e164.replace(/\D/g, "");
  if (digits.length < 7) return "•••";
  const last4 = digits.slice(-4);
  // Without a "+" the country is unknown (Dialpad sends E.164; other text is shown without one).
  const parsed = e164.trim().startsWith("+") ? parsePhoneNumberFromString(e164.trim()) : undefined;
  if (!parsed) return `${hidden} ${last4}`;
  return `+${parsed.countryCallingCode} ${hidden} ${last4}`;
}

/** Admins see numbers whole unless the setting masks them for everyone; everyone else follows "managers". */
export function shouldMaskNumbers(role: UserRole, settings: Pick<PrivacySettings, "maskNumbersFor">): boolean {
  if (settings.maskNumbersFor === "nobody") return false;
  if (settings.maskNumbersFor === "everyone") return true;
  return role !== "admin";
}

/** The number as this viewer may see it; null stays null. */
export function showPhoneNumber(value: string | null, isMasked: boolean): string | null {
  if (value === null || !isMasked) return value;
  return maskPhoneNumber(value);
}
