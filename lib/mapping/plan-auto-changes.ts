import type { LinkMethod, MappingInput, MappingResult, Match } from "./types";

export type PlannedLinkChange = {
  employeeId: number;
  from: { dialpadUserId: string | null; method: LinkMethod } | null;
  to: Match | null;
  reason: string;
};

/**
 * The automatic links to add, move or drop so the stored links agree with `result`. Manual links and
 * inactive employees are never touched; a changed matched value alone (same user, same method) is
 * not a change.
 */
export function planAutoChanges(input: MappingInput, result: MappingResult): PlannedLinkChange[] {
  const linkByEmployee = new Map(input.links.map((link) => [link.employeeId, link]));
  const manualHolder = new Map<string, number>();
  for (const link of input.links) if (link.method === "manual" && link.dialpadUserId) manualHolder.set(link.dialpadUserId, link.employeeId);
  const nameOf = new Map(input.employees.map((e) => [e.id, e.name]));

  const changes: PlannedLinkChange[] = [];
  for (const employee of input.employees) {
    const { outcome } = result.employees.get(employee.id)!;
    if (outcome.kind === "manual" || outcome.kind === "inactive") continue;
    const link = linkByEmployee.get(employee.id);
    const from = link ? { dialpadUserId: link.dialpadUserId, method: link.method } : null;
    const to = outcome.kind === "matched" ? outcome.match : null;
    if (from?.dialpadUserId === to?.dialpadUserId && from?.method === to?.method) continue;
    if (from === null && to === null) continue;
    let reason: string;
    if (to) reason = `${from ? "Now matched" : "Matched"} by ${to.method} ${to.value}`;
    else if (outcome.kind === "conflict") reason = "Conflict: sent to review";
    else if (from?.dialpadUserId && manualHolder.has(from.dialpadUserId)) {
      reason = `Dialpad user mapped by hand to ${nameOf.get(manualHolder.get(from.dialpadUserId)!) ?? "another employee"}`;
    } else reason = "No longer matches by email or phone";
    changes.push({ employeeId: employee.id, from, to, reason });
  }
  return changes;
}
