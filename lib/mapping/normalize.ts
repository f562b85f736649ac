import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/** `e164` is what mappings match on; `extension` ("12" in "… ext. 12") is kept only for display. */
export type NormalizedPhone = { ok: true; e164: string; extension: string | null } | { ok: false; reason: string };

/** Trimmed and lower-cased; null when blank. */
export function normalizeEmail(raw: string | null | undefined): string | null {
  const email = raw?.trim().toLowerCase();
  return email ? email : null;
}

/**
 * E.164 without the extension, reading numbers without a +country prefix in `defaultCountry`.
 * isPossible (length) rather than isValid (assigned ranges): Dialpad and demo data use 555 numbers.
 */
export function normalizePhone(raw: string, defaultCountry: CountryCode): NormalizedPhone {
  const text = raw.trim();
  if (text === "") return { ok: false, reason: "The phone number is blank." };
  if (/[a-z]/i.test(text.replace(/\b(ext\.?|extension|x)\s*\d+\s*$/i, ""))) {
    return { ok: false, reason: `"${text}" has letters in it; enter digits only.` };
  }
  const parsed = parsePhoneNumberFromString(text, defaultCountry);
  if (!parsed || !parsed.isPossible()) {
    return { ok: false, reason: `"${text}" is not a complete phone number for ${defaultCountry}; include the country code, such as +1 415 555 0100.` };
  }
  return { ok: true, e164: parsed.number, extension: parsed.ext ?? null };
}

/** Lower-case letters and single spaces without accents, for comparing display names. */
export function normalizePersonName(raw: string | null | undefined): string | null {
  const name = raw
    ?.normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return name ? name : null;
}

/** The part of an email before the @. */
export function mailboxOf(email: string): string {
  return email.slice(0, email.lastIndexOf("@"));
}
