import type { CountryCode } from "libphonenumber-js";
import { getEligibility, type Eligibility } from "./eligibility";
import { normalizeEmail, normalizePhone } from "./normalize";
import type { MappingDialpadUser } from "./types";

export type IndexedDialpadUser = {
  user: MappingDialpadUser;
  name: string;
  eligibility: Eligibility;
  emails: string[];
  phones: string[];
  problems: string[];
};

export type DirectoryIndex = {
  byId: Map<string, IndexedDialpadUser>;
  byEmail: Map<string, IndexedDialpadUser[]>;
  byPhone: Map<string, IndexedDialpadUser[]>;
};

/** Normalizes every Dialpad user once and indexes them by email and E.164 number. */
export function indexDirectory(users: MappingDialpadUser[], defaultCountry: CountryCode): DirectoryIndex {
  const index: DirectoryIndex = { byId: new Map(), byEmail: new Map(), byPhone: new Map() };
  for (const user of users) {
    const problems: string[] = [];
    const emails = unique(user.emails.map(normalizeEmail).filter((email) => email !== null));
    const phones: string[] = [];
    for (const raw of user.phoneNumbers) {
      const phone = normalizePhone(raw, defaultCountry);
      if (phone.ok) phones.push(phone.e164);
      else problems.push(`Dialpad number "${raw}" could not be read and is not used for matching.`);
    }
    const entry: IndexedDialpadUser = {
      user,
      name: user.displayName ?? emails[0] ?? `Dialpad user ${user.dialpadUserId}`,
      eligibility: getEligibility(user),
      emails,
      phones: unique(phones),
      problems,
    };
    index.byId.set(user.dialpadUserId, entry);
    for (const email of entry.emails) push(index.byEmail, email, entry);
    for (const phone of entry.phones) push(index.byPhone, phone, entry);
  }
  noteDuplicates(index.byEmail, (value, other) => `Email ${value} is also on Dialpad user ${other}.`);
  noteDuplicates(index.byPhone, (value, other) => `Number ${value} is also on Dialpad user ${other}.`);
  return index;
}

function noteDuplicates(map: Map<string, IndexedDialpadUser[]>, describe: (value: string, other: string) => string) {
  for (const [value, entries] of map) {
    const listed = entries.filter((entry) => !entry.user.isRemoved);
    if (listed.length < 2) continue;
    for (const entry of listed) {
      const others = listed.filter((other) => other !== entry).map((other) => other.name);
      entry.problems.push(describe(value, others.join(", ")));
    }
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
