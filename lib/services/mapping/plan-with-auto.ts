import type { LinkChange, MappingSnapshot } from "@/db/queries/mapping";
import type { EmployeeDialpadLink } from "@/db/schema";
import { computeMapping } from "@/lib/mapping/compute-mapping";
import { planAutoChanges } from "@/lib/mapping/plan-auto-changes";
import { automaticActor, toLinkChange, toMappingInput } from "./mapping-input";

/** What auto-mapping would change in this snapshot. */
export function planAutomaticChanges(snapshot: MappingSnapshot): LinkChange[] {
  const input = toMappingInput(snapshot);
  return planAutoChanges(input, computeMapping(input)).map((planned) => toLinkChange(planned, automaticActor));
}

/**
 * Applies `first` (an admin's changes) to the snapshot in memory, lets auto-mapping react (a user
 * taken by hand leaves its automatic holder; a freed user may match someone else), and merges the
 * two so each employee gets one change and one audit row.
 */
export function planWithAutomaticFollowUp(snapshot: MappingSnapshot, first: LinkChange[]): LinkChange[] {
  const touched = new Set(first.map((change) => change.employeeId));
  const links: EmployeeDialpadLink[] = snapshot.links.filter((link) => !touched.has(link.employeeId));
  for (const change of first) {
    if (change.next) links.push({ id: 0, organizationId: 0, employeeId: change.employeeId, updatedByUserId: null, createdAt: 0, updatedAt: 0, ...change.next });
  }
  const followUp = planAutomaticChanges({ ...snapshot, links });
  const merged = new Map(first.map((change) => [change.employeeId, change]));
  for (const change of followUp) {
    const earlier = merged.get(change.employeeId);
    if (!earlier) {
      merged.set(change.employeeId, change);
      continue;
    }
    merged.set(change.employeeId, {
      employeeId: change.employeeId,
      next: change.next,
      event: {
        ...earlier.event,
        toDialpadUserId: change.event.toDialpadUserId,
        toMethod: change.event.toMethod,
        reason: `${earlier.event.reason}; ${change.event.reason.toLowerCase()}`,
      },
    });
  }
  return [...merged.values()].filter((change) => !isNoOp(change));
}

/** Employees whose Dialpad user changed: the ones whose scores must be recomputed. */
export function employeesWithNewUser(changes: LinkChange[]): number[] {
  return changes
    .filter((change) => (change.event.fromDialpadUserId ?? null) !== (change.event.toDialpadUserId ?? null))
    .map((change) => change.employeeId)
    .sort((a, b) => a - b);
}

function isNoOp(change: LinkChange): boolean {
  return change.event.fromDialpadUserId === change.event.toDialpadUserId && change.event.fromMethod === change.event.toMethod;
}
