import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/**
 * A phone number as people read it, one way everywhere: "+1 415 555 0142" (international, so a number
 * from another country is never mistaken for a local one). What can't be parsed is shown as stored.
 */
export function formatPhoneNumber(value: string, defaultCountry?: string): string {
  const parsed = parsePhoneNumberFromString(value, defaultCountry as CountryCode | undefined);
  return parsed?.isPossible() ? parsed.formatInternational() : value;
}
