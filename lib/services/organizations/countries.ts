import { getCountries, type CountryCode } from "libphonenumber-js";
import { z } from "@/lib/zod";

export type CountryOption = { code: CountryCode; name: string };

let cachedCountries: CountryOption[] | undefined;

/** Countries libphonenumber can parse numbers for, named in English and sorted by name. */
export function listCountries(): CountryOption[] {
  if (!cachedCountries) {
    const names = new Intl.DisplayNames(["en"], { type: "region" });
    cachedCountries = getCountries()
      .map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
  return cachedCountries;
}

const countryCodes = new Set<string>(getCountries());

export const countryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => countryCodes.has(code), "Choose a country.")
  .transform((code) => code as CountryCode);
