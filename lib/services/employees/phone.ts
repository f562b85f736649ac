import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/**
 * A phone number is plausible when libphonenumber finds a possible number for it, read with the
 * organization's country for numbers without a +country prefix. Stricter validity checks reject
 * the fictional ranges demo data uses, so they are left to the Dialpad matching step.
 */
export function isPlausiblePhone(value: string, defaultCountry: CountryCode): boolean {
  if (!/^[+\d\s().\-/]+$/.test(value) || (value.match(/\d/g)?.length ?? 0) < 5) return false;
  return parsePhoneNumberFromString(value, defaultCountry)?.isPossible() ?? false;
}
