import type { MappingSnapshot } from "@/db/queries/mapping";
import type { DialpadUserRow, MappingEvent, MappingMethod } from "@/db/schema";
import type { MappingStatus } from "@/lib/mapping/filter-rows";
import type { MappingResult } from "@/lib/mapping/types";

export type DialpadUserSummary = {
  dialpadUserId: string;
  name: string;
  emails: string[];
  phoneNumbers: string[];
  jobTitle: string | null;
  isMappable: boolean;
  unmappableReason: string | null;
  problems: string[];
  /** Names of employees in a conflict over this user. */
  conflictEmployeeNames: string[];
  /** The employee this user is mapped to, if any. */
  mappedEmployeeName: string | null;
};

export type MappingEmployeeRow = {
  employeeId: number;
  name: string;
  email: string;
  phone: string | null;
  isActive: boolean;
  status: MappingStatus;
  dialpadUser: DialpadUserSummary | null;
  method: MappingMethod | null;
  matchedValue: string | null;
  /** A manual choice, including "deliberately not mapped". */
  isManual: boolean;
  /** For conflicts: the users this employee matches, and the other employees in the conflict. */
  candidates: DialpadUserSummary[];
  rivalNames: string[];
  suggestion: { user: DialpadUserSummary; basis: "name" | "mailbox" } | null;
  notes: string[];
  hasMalformedPhone: boolean;
  lastChange: { at: number; actorName: string; reason: string } | null;
};

export function buildDialpadUserSummaries(
  snapshot: MappingSnapshot,
  result: MappingResult,
): Map<string, DialpadUserSummary> {
  const employeeName = new Map(snapshot.employees.map((e) => [e.id, e.name]));
  const mappedTo = new Map<string, string>();
  for (const link of snapshot.links) if (link.dialpadUserId) mappedTo.set(link.dialpadUserId, employeeName.get(link.employeeId) ?? "");
  return new Map(
    snapshot.dialpadUsers.map((user) => {
      const report = result.dialpadUsers.get(user.dialpadUserId)!;
      const summary: DialpadUserSummary = {
        dialpadUserId: user.dialpadUserId,
        name: displayNameOf(user),
        emails: user.emails,
        phoneNumbers: user.phoneNumbers,
        jobTitle: user.jobTitle,
        isMappable: report.isMappable,
        unmappableReason: report.unmappableReason,
        problems: report.problems,
        conflictEmployeeNames: report.conflictEmployeeIds.map((id) => employeeName.get(id) ?? ""),
        mappedEmployeeName: mappedTo.get(user.dialpadUserId) ?? null,
      };
      return [user.dialpadUserId, summary];
    }),
  );
}

export function buildEmployeeRows(
  snapshot: MappingSnapshot,
  result: MappingResult,
  users: Map<string, DialpadUserSummary>,
  latestEvents: MappingEvent[],
): MappingEmployeeRow[] {
  const linkByEmployee = new Map(snapshot.links.map((link) => [link.employeeId, link]));
  const eventByEmployee = new Map(latestEvents.map((event) => [event.employeeId, event]));
  const employeeName = new Map(snapshot.employees.map((e) => [e.id, e.name]));
  return snapshot.employees.map((employee) => {
    const report = result.employees.get(employee.id)!;
    const { outcome } = report;
    const link = linkByEmployee.get(employee.id);
    const dialpadUser = link?.dialpadUserId ? (users.get(link.dialpadUserId) ?? null) : null;
    const event = eventByEmployee.get(employee.id);
    const status: MappingStatus = outcome.kind === "conflict" ? "conflict" : dialpadUser ? "mapped" : "unmapped";
    const suggested = outcome.kind === "unmatched" && outcome.suggestion ? users.get(outcome.suggestion.dialpadUserId) : undefined;
    return {
      employeeId: employee.id,
      name: employee.name,
      email: employee.email,
      phone: employee.phone,
      isActive: employee.isActive,
      status,
      dialpadUser,
      method: link?.method ?? null,
      matchedValue: link?.matchedValue ?? null,
      isManual: link?.method === "manual",
      candidates: outcome.kind === "conflict" ? outcome.candidates.map((c) => users.get(c.dialpadUserId)!).filter(Boolean) : [],
      rivalNames: outcome.kind === "conflict" ? outcome.rivalEmployeeIds.map((id) => employeeName.get(id) ?? "") : [],
      suggestion: suggested && outcome.kind === "unmatched" && outcome.suggestion ? { user: suggested, basis: outcome.suggestion.basis } : null,
      notes: event && status === "unmapped" ? [...report.notes, ...describeLostLink(event, users)] : report.notes,
      hasMalformedPhone: report.hasMalformedPhone,
      lastChange: event ? { at: event.createdAt, actorName: event.actorName, reason: event.reason } : null,
    };
  });
}

/** An automatic unmap (say, after an email change) would otherwise go unnoticed: say when and why. */
function describeLostLink(event: MappingEvent, users: Map<string, DialpadUserSummary>): string[] {
  if (event.actorUserId !== null || event.fromDialpadUserId === null || event.toDialpadUserId !== null) return [];
  const name = users.get(event.fromDialpadUserId)?.name ?? `Dialpad user ${event.fromDialpadUserId}`;
  return [`Was mapped to ${name} until automatic mapping removed it: ${event.reason.toLowerCase()}.`];
}

export function displayNameOf(user: DialpadUserRow): string {
  return user.displayName ?? user.emails[0] ?? `Dialpad user ${user.dialpadUserId}`;
}
