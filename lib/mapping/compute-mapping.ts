import { indexDirectory } from "./directory-index";
import { describeEmployee } from "./employee-notes";
import { probeEmployee, strengthOf, strongestPerUser, type EmployeeProbe } from "./probe-employee";
import { suggestMatches } from "./suggest-matches";
import type { DialpadUserReport, EmployeeOutcome, MappingInput, MappingLink, MappingResult, Match } from "./types";

/**
 * Decides every employee's mapping. A Dialpad user matches an employee when they share an email
 * or an E.164 number; email beats phone on both sides. Only mappable users (active, with a phone
 * license) are candidates, except the one an employee is already linked to, so a user suspended
 * after mapping keeps its past calls. Manual links and inactive employees' links are left alone and
 * their users are taken. A match is applied only when it is the sole one on both sides; anything
 * else is a conflict for a human.
 */
export function computeMapping(input: MappingInput): MappingResult {
  const directory = indexDirectory(input.dialpadUsers, input.defaultCountry);
  const linkByEmployee = new Map(input.links.map((link) => [link.employeeId, link]));
  const holderByUser = findHeldUsers(input, linkByEmployee);
  const probes = new Map(input.employees.map((e) => [e.id, probeEmployee(e, directory, input.defaultCountry)]));

  const candidates = new Map<number, Match[]>();
  for (const employee of input.employees) {
    if (!employee.isActive || linkByEmployee.get(employee.id)?.method === "manual") continue;
    const current = linkByEmployee.get(employee.id)?.dialpadUserId ?? null;
    const matches = probes
      .get(employee.id)!
      .hits.filter(({ entry }) => {
        const id = entry.user.dialpadUserId;
        return !holderByUser.has(id) && (entry.eligibility.isMappable || id === current);
      })
      .map(({ entry, method, value }) => ({ dialpadUserId: entry.user.dialpadUserId, method, value }));
    candidates.set(employee.id, strongestPerUser(matches));
  }
  const surviving = keepStrongestOnBothSides(candidates);
  const employeesByUser = new Map<string, number[]>();
  for (const [employeeId, matches] of surviving) {
    for (const match of matches) employeesByUser.set(match.dialpadUserId, [...(employeesByUser.get(match.dialpadUserId) ?? []), employeeId]);
  }

  const outcomes = new Map<number, EmployeeOutcome>();
  for (const employee of input.employees) {
    const link = linkByEmployee.get(employee.id);
    if (link?.method === "manual") outcomes.set(employee.id, { kind: "manual", dialpadUserId: link.dialpadUserId });
    else if (!employee.isActive) {
      outcomes.set(employee.id, { kind: "inactive", dialpadUserId: link?.dialpadUserId ?? null, method: link?.method ?? null });
    } else outcomes.set(employee.id, decide(employee.id, surviving.get(employee.id) ?? [], employeesByUser));
  }
  suggestMatches({ employees: input.employees, outcomes, directory, takenUserIds: new Set([...holderByUser.keys(), ...employeesByUser.keys()]) });

  const context = { directory, probes, candidates, surviving, outcomes, holderByUser, employees: new Map(input.employees.map((e) => [e.id, e])) };
  const employees = new Map(
    input.employees.map((employee) => [employee.id, describeEmployee(employee, context)] as const),
  );
  return { employees, dialpadUsers: reportUsers(context.directory, outcomes) };
}

/** Users linked by hand, or to inactive employees, belong to that employee and are off the table. */
function findHeldUsers(input: MappingInput, linkByEmployee: Map<number, MappingLink>): Map<string, number> {
  const holders = new Map<string, number>();
  for (const employee of input.employees) {
    const link = linkByEmployee.get(employee.id);
    if (link?.dialpadUserId && (link.method === "manual" || !employee.isActive)) holders.set(link.dialpadUserId, employee.id);
  }
  return holders;
}

/** Keeps a match only when no stronger one exists for its employee or for its Dialpad user. */
function keepStrongestOnBothSides(candidates: Map<number, Match[]>): Map<number, Match[]> {
  const bestForUser = new Map<string, number>();
  for (const matches of candidates.values()) {
    for (const m of matches) bestForUser.set(m.dialpadUserId, Math.max(bestForUser.get(m.dialpadUserId) ?? 0, strengthOf(m.method)));
  }
  const surviving = new Map<number, Match[]>();
  for (const [employeeId, matches] of candidates) {
    const bestForEmployee = Math.max(0, ...matches.map((m) => strengthOf(m.method)));
    surviving.set(
      employeeId,
      matches.filter((m) => strengthOf(m.method) === bestForEmployee && strengthOf(m.method) === bestForUser.get(m.dialpadUserId)),
    );
  }
  return surviving;
}

function decide(employeeId: number, matches: Match[], employeesByUser: Map<string, number[]>): EmployeeOutcome {
  if (matches.length === 0) return { kind: "unmatched", suggestion: null };
  const rivals = new Set(matches.flatMap((m) => employeesByUser.get(m.dialpadUserId) ?? []));
  rivals.delete(employeeId);
  if (matches.length === 1 && rivals.size === 0) return { kind: "matched", match: matches[0]! };
  return { kind: "conflict", candidates: matches, rivalEmployeeIds: [...rivals].sort((a, b) => a - b) };
}

function reportUsers(directory: ReturnType<typeof indexDirectory>, outcomes: Map<number, EmployeeOutcome>) {
  const reports = new Map<string, DialpadUserReport>();
  for (const [id, entry] of directory.byId) {
    reports.set(id, {
      isMappable: entry.eligibility.isMappable,
      unmappableReason: entry.eligibility.isMappable ? null : entry.eligibility.reason,
      conflictEmployeeIds: [],
      problems: entry.problems,
    });
  }
  for (const [employeeId, outcome] of outcomes) {
    if (outcome.kind !== "conflict") continue;
    for (const match of outcome.candidates) reports.get(match.dialpadUserId)?.conflictEmployeeIds.push(employeeId);
  }
  return reports;
}

export type MappingContext = {
  directory: ReturnType<typeof indexDirectory>;
  probes: Map<number, EmployeeProbe>;
  candidates: Map<number, Match[]>;
  surviving: Map<number, Match[]>;
  outcomes: Map<number, EmployeeOutcome>;
  holderByUser: Map<string, number>;
  employees: Map<number, MappingInput["employees"][number]>;
};
