import type { CountryCode } from "libphonenumber-js";
import type { ImportedEmployee } from "@/db/queries/employees";
import { normalizeTimeZone } from "@/lib/services/organizations/timezones";
import { emailSchema } from "@/lib/services/users/user-schemas";
import { isPlausiblePhone } from "./phone";

export const importColumns = ["name", "email", "phone", "timezone", "title", "manager_email"] as const;
type Column = (typeof importColumns)[number];

/** A row number as a spreadsheet shows it: the header is row 1. */
export type ImportProblem = { row: number; message: string };

export type ParsedRow = { row: number; employee: ImportedEmployee };

/** `emails` holds every valid email in the file, including rows rejected for other reasons. */
export type RowCheck = { rows: ParsedRow[]; emails: Set<string>; problems: ImportProblem[] };

/** Checks the header and each row on its own; cross-row rules (duplicates, managers, loops) come after. */
export function checkRows(records: string[][], countryCode: CountryCode): RowCheck {
  const [header, ...data] = records;
  if (!header) return { rows: [], emails: new Set(), problems: [{ row: 1, message: "The file is empty." }] };
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = importColumns.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !(importColumns as readonly string[]).includes(n));
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  const headerProblems = [
    missing.length ? `Missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}.` : null,
    unknown.length ? `Unknown column${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.` : null,
    repeated.length ? `Repeated column: ${repeated.join(", ")}.` : null,
  ].filter((m): m is string => m !== null);
  if (headerProblems.length) {
    const expected = `The header must be ${importColumns.join(",")}.`;
    return { rows: [], emails: new Set(), problems: [{ row: 1, message: `${headerProblems.join(" ")} ${expected}` }] };
  }
  const rows: ParsedRow[] = [];
  const emails = new Set<string>();
  const problems: ImportProblem[] = [];
  data.forEach((fields, index) => {
    const row = index + 2;
    if (fields.every((f) => f.trim() === "")) return;
    if (fields.length !== names.length) {
      problems.push({ row, message: `Expected ${names.length} fields but found ${fields.length}.` });
      return;
    }
    const get = (column: Column) => fields[names.indexOf(column)]?.trim() ?? "";
    const email = emailSchema.safeParse(get("email"));
    if (email.success) emails.add(email.data);
    const result = checkRow(get, countryCode);
    if (typeof result === "string") problems.push({ row, message: result });
    else rows.push({ row, employee: result });
  });
  return { rows, emails, problems };
}

function checkRow(get: (column: Column) => string, countryCode: CountryCode): ImportedEmployee | string {
  const messages: string[] = [];
  const name = get("name");
  if (name === "") messages.push("name is required.");
  else if (name.length > 120) messages.push("name is longer than 120 characters.");
  const email = emailSchema.safeParse(get("email"));
  if (!email.success) messages.push(get("email") === "" ? "email is required." : `email "${get("email")}" is not valid.`);
  const phone = get("phone");
  if (phone !== "" && !isPlausiblePhone(phone, countryCode)) messages.push(`phone "${phone}" is not a phone number.`);
  const rawZone = get("timezone");
  const timezone = rawZone === "" ? null : normalizeTimeZone(rawZone);
  if (rawZone !== "" && timezone === null) messages.push(`timezone "${rawZone}" is not an IANA time zone.`);
  const title = get("title");
  if (title.length > 120) messages.push("title is longer than 120 characters.");
  const rawManager = get("manager_email");
  const manager = rawManager === "" ? null : emailSchema.safeParse(rawManager);
  if (manager && !manager.success) messages.push(`manager_email "${rawManager}" is not valid.`);
  if (messages.length > 0 || !email.success || (manager && !manager.success)) return messages.join(" ");
  return {
    name,
    email: email.data,
    phone: phone === "" ? null : phone,
    timezone,
    title: title === "" ? null : title,
    managerEmail: manager ? manager.data : null,
  };
}
