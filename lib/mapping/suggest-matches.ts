import type { DirectoryIndex } from "./directory-index";
import { mailboxOf, normalizeEmail, normalizePersonName } from "./normalize";
import type { EmployeeOutcome, MappingEmployee, Suggestion } from "./types";

type SuggestInput = {
  employees: MappingEmployee[];
  outcomes: Map<number, EmployeeOutcome>;
  directory: DirectoryIndex;
  /** Users already linked, matched or in a conflict. */
  takenUserIds: Set<string>;
};

/**
 * Weaker evidence than email or phone, so never applied automatically: an unmatched employee and a
 * free mappable Dialpad user with the same full name, or else the same mailbox (the part before @)
 * under another domain. Only pairs that are unique on both sides are suggested.
 */
export function suggestMatches({ employees, outcomes, directory, takenUserIds }: SuggestInput): void {
  const open = employees.filter((e) => outcomes.get(e.id)?.kind === "unmatched");
  const free = [...directory.byId.values()].filter((entry) => entry.eligibility.isMappable && !takenUserIds.has(entry.user.dialpadUserId));
  const used = new Set<string>();
  const bases: Array<{ basis: Suggestion["basis"]; ofEmployee: (e: MappingEmployee) => string[]; ofUser: (u: (typeof free)[number]) => string[] }> = [
    { basis: "name", ofEmployee: (e) => present(normalizePersonName(e.name)), ofUser: (u) => present(normalizePersonName(u.user.displayName)) },
    {
      basis: "mailbox",
      ofEmployee: (e) => present(normalizeEmail(e.email)).map(mailboxOf),
      ofUser: (u) => u.emails.map(mailboxOf),
    },
  ];
  for (const { basis, ofEmployee, ofUser } of bases) {
    const employeesByKey = group(open.filter((e) => !hasSuggestion(outcomes, e.id)), ofEmployee);
    const usersByKey = group(free.filter((u) => !used.has(u.user.dialpadUserId)), ofUser);
    for (const [key, matchingEmployees] of employeesByKey) {
      const matchingUsers = usersByKey.get(key);
      if (matchingEmployees.length !== 1 || matchingUsers?.length !== 1) continue;
      const dialpadUserId = matchingUsers[0]!.user.dialpadUserId;
      if (used.has(dialpadUserId) || hasSuggestion(outcomes, matchingEmployees[0]!.id)) continue;
      used.add(dialpadUserId);
      outcomes.set(matchingEmployees[0]!.id, { kind: "unmatched", suggestion: { dialpadUserId, basis } });
    }
  }
}

function hasSuggestion(outcomes: Map<number, EmployeeOutcome>, employeeId: number): boolean {
  const outcome = outcomes.get(employeeId);
  return outcome?.kind === "unmatched" && outcome.suggestion !== null;
}

function group<T>(items: T[], keysOf: (item: T) => string[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keysOf(item))) map.set(key, [...(map.get(key) ?? []), item]);
  }
  return map;
}

function present(value: string | null): string[] {
  return value ? [value] : [];
}
