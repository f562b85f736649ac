import type { CountryCode } from "libphonenumber-js";
import { normalizePhone } from "@/lib/mapping/normalize";

/**
 * A phone number is plausible when the mapping normaliser can read it: libphonenumber finds a possible
 * number, with the organization's country for numbers without a +country prefix, and an extension
 * ("(212) 555-0105 ext. 12") is allowed. The text is stored as typed, so the extension stays for display,
 * while mappings match on its E.164 number. Stricter validity checks reject the fictional ranges demo
 * data uses, so they are left to the Dialpad matching step.
 */
export function isPlausiblePhone(value: string, defaultCountry: CountryCode): boolean {
  return normalizePhone(value, defaultCountry).ok;
}
