import type { CountryCode } from "libphonenumber-js";
import type { DirectoryIndex, IndexedDialpadUser } from "./directory-index";
import { normalizeEmail, normalizePhone, type NormalizedPhone } from "./normalize";
import type { MappingEmployee, Match, MatchMethod } from "./types";

/** An employee's normalized email and phone and every Dialpad user either one hits, mappable or not. */
export type EmployeeProbe = {
  email: string | null;
  phone: NormalizedPhone | null;
  hits: Array<{ entry: IndexedDialpadUser; method: MatchMethod; value: string }>;
};

export function probeEmployee(employee: MappingEmployee, directory: DirectoryIndex, defaultCountry: CountryCode): EmployeeProbe {
  const email = normalizeEmail(employee.email);
  const phone = employee.phone?.trim() ? normalizePhone(employee.phone, defaultCountry) : null;
  const hits: EmployeeProbe["hits"] = [];
  for (const entry of email ? (directory.byEmail.get(email) ?? []) : []) hits.push({ entry, method: "email", value: email! });
  if (phone?.ok) {
    for (const entry of directory.byPhone.get(phone.e164) ?? []) hits.push({ entry, method: "phone", value: phone.e164 });
  }
  return { email, phone, hits };
}

const strength: Record<MatchMethod, number> = { email: 2, phone: 1 };

export function strengthOf(method: MatchMethod): number {
  return strength[method];
}

/** One match per Dialpad user, the strongest (email over phone). */
export function strongestPerUser(matches: Match[]): Match[] {
  const best = new Map<string, Match>();
  for (const match of matches) {
    const current = best.get(match.dialpadUserId);
    if (!current || strength[match.method] > strength[current.method]) best.set(match.dialpadUserId, match);
  }
  return [...best.values()];
}
