import type { CountryCode } from "libphonenumber-js";

export type MatchMethod = "email" | "phone";
export type LinkMethod = MatchMethod | "manual";

export type MappingEmployee = {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  isActive: boolean;
};

export type MappingDialpadUser = {
  dialpadUserId: string;
  displayName: string | null;
  emails: string[];
  phoneNumbers: string[];
  state: string | null;
  license: string | null;
  isRemoved: boolean;
};

export type MappingLink = { employeeId: number; dialpadUserId: string | null; method: LinkMethod };

export type MappingInput = {
  employees: MappingEmployee[];
  dialpadUsers: MappingDialpadUser[];
  links: MappingLink[];
  defaultCountry: CountryCode;
};

/** One way an employee and a Dialpad user match: the email or E.164 number they share. */
export type Match = { dialpadUserId: string; method: MatchMethod; value: string };

export type Suggestion = { dialpadUserId: string; basis: "name" | "mailbox" };

export type EmployeeOutcome =
  /** An admin's choice (a user, or deliberately none); auto-mapping leaves it alone. */
  | { kind: "manual"; dialpadUserId: string | null }
  /** Inactive employees keep whatever link they had and get no new one. */
  | { kind: "inactive"; dialpadUserId: string | null; method: LinkMethod | null }
  | { kind: "matched"; match: Match }
  /** Needs a human: matches several users, or shares its only match with other employees. */
  | { kind: "conflict"; candidates: Match[]; rivalEmployeeIds: number[] }
  | { kind: "unmatched"; suggestion: Suggestion | null };

export type EmployeeReport = {
  outcome: EmployeeOutcome;
  /** Plain-language notes for the admin: missing email/phone, malformed phone, unmappable matches. */
  notes: string[];
  /** True when the phone is present but could not be read. */
  hasMalformedPhone: boolean;
};

export type DialpadUserReport = {
  isMappable: boolean;
  /** Why the user can't be mapped; null when mappable. */
  unmappableReason: string | null;
  /** Employees whose only match is this user, when there are several. */
  conflictEmployeeIds: number[];
  /** Duplicate emails, unreadable numbers. */
  problems: string[];
};

export type MappingResult = {
  employees: Map<number, EmployeeReport>;
  dialpadUsers: Map<string, DialpadUserReport>;
};
