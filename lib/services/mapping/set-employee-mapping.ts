import type { Db } from "@/db/client";
import { updateMapping, type LinkChange, type MappingSnapshot } from "@/db/queries/mapping";
import { AppError } from "@/lib/errors";
import { getEligibility } from "@/lib/mapping/eligibility";
import { assertRole, type Viewer } from "@/lib/services/access/viewer";
import { afterMappingChanged } from "./after-mapping-changed";
import { manualLinkChange, type Actor } from "./mapping-input";
import { employeesWithNewUser, planWithAutomaticFollowUp } from "./plan-with-auto";

/** A chosen Dialpad user, deliberately no user, or back to automatic mapping. */
export type MappingChoice = { kind: "user"; dialpadUserId: string } | { kind: "none" } | { kind: "auto" };

export type SetMappingResult = {
  changedEmployeeIds: number[];
  /** What happened, for the admin: "Bo Kim is now mapped to Shared Line." */
  summary: string;
};

/**
 * Admins only. A chosen user or "none" is manual: auto-mapping never changes it. Taking a user
 * that auto-mapping gave to someone else moves it (both changes are audited); a user another
 * employee holds by hand must be cleared there first.
 */
export async function setEmployeeMapping(
  db: Db,
  viewer: Viewer,
  params: { employeeId: number; choice: MappingChoice; reason?: string },
): Promise<SetMappingResult> {
  assertRole(viewer, ["admin"]);
  const actor: Actor = { actorUserId: viewer.userId, actorName: viewer.name };
  const { changes, summary } = await updateMapping(
    db,
    viewer.organizationId,
    (snapshot) => {
      const first = planChoice(snapshot, params, actor);
      const all = first.length === 0 ? [] : planWithAutomaticFollowUp(snapshot, first);
      const summary = summarize(snapshot, params.employeeId, all);
      return { changes: all, value: { changes: all, summary }, auditSummary: summary };
    },
    Date.now(),
  );
  const changedEmployeeIds = employeesWithNewUser(changes);
  if (changedEmployeeIds.length > 0) await afterMappingChanged(db, viewer.organizationId, changedEmployeeIds);
  return { changedEmployeeIds, summary };
}

function summarize(snapshot: MappingSnapshot, employeeId: number, changes: LinkChange[]): string {
  const name = snapshot.employees.find((e) => e.id === employeeId)?.name ?? "The employee";
  const change = changes.find((c) => c.employeeId === employeeId);
  if (!change) return `${name}: nothing to change.`;
  const userId = change.next?.dialpadUserId ?? null;
  const user = userId === null ? undefined : snapshot.dialpadUsers.find((u) => u.dialpadUserId === userId);
  const userName = user ? (user.displayName ?? user.emails[0] ?? userId) : userId;
  if (!change.next) return `${name} is back on automatic mapping and is not mapped to a Dialpad user.`;
  if (change.next.method !== "manual") return `${name} is back on automatic mapping: mapped to ${userName} by ${change.next.method}.`;
  if (userName === null) return `${name} is marked as not mapped; automatic mapping will leave them alone.`;
  const others = changes.length - 1;
  return `${name} is now mapped to ${userName}.${others > 0 ? ` ${others === 1 ? "1 other employee's" : `${others} other employees'`} mapping changed with it.` : ""}`;
}

function planChoice(
  snapshot: MappingSnapshot,
  params: { employeeId: number; choice: MappingChoice; reason?: string },
  actor: Actor,
): LinkChange[] {
  const employee = snapshot.employees.find((e) => e.id === params.employeeId);
  if (!employee) throw new AppError("NOT_FOUND", "Employee not found.");
  const current = snapshot.links.find((link) => link.employeeId === employee.id) ?? null;
  const from = current ? { dialpadUserId: current.dialpadUserId, method: current.method } : null;
  const { choice } = params;

  if (choice.kind === "auto") {
    if (current?.method !== "manual") return [];
    return [manualLinkChange({ employeeId: employee.id, from, next: null, actor, reason: params.reason ?? "Returned to automatic mapping" })];
  }
  if (choice.kind === "none") {
    if (current?.method === "manual" && current.dialpadUserId === null) return [];
    return [manualLinkChange({ employeeId: employee.id, from, next: { dialpadUserId: null }, actor, reason: params.reason ?? "Unmapped by hand" })];
  }

  const user = snapshot.dialpadUsers.find((u) => u.dialpadUserId === choice.dialpadUserId);
  if (!user) throw new AppError("NOT_FOUND", "That Dialpad user is not in the Dialpad user list.");
  const userName = user.displayName ?? user.emails[0] ?? `Dialpad user ${user.dialpadUserId}`;
  if (current?.method === "manual" && current.dialpadUserId === user.dialpadUserId) return [];
  const eligibility = getEligibility({ state: user.state, license: user.license, isRemoved: user.removedAt !== null });
  if (!eligibility.isMappable && current?.dialpadUserId !== user.dialpadUserId) {
    throw new AppError("VALIDATION", `${userName} can't be mapped: ${eligibility.reason}.`);
  }
  const holderLink = snapshot.links.find((link) => link.dialpadUserId === user.dialpadUserId && link.employeeId !== employee.id);
  const holder = holderLink && snapshot.employees.find((e) => e.id === holderLink.employeeId);
  if (holderLink?.method === "manual") {
    throw new AppError("CONFLICT", `${userName} is already mapped by hand to ${holder?.name ?? "another employee"}. Clear that mapping first.`);
  }
  const changes = [
    manualLinkChange({ employeeId: employee.id, from, next: { dialpadUserId: user.dialpadUserId }, actor, reason: params.reason ?? "Chosen by hand" }),
  ];
  // Auto-mapping never touches inactive employees, so their automatic link is released here.
  if (holderLink && holder && !holder.isActive) {
    changes.push(
      manualLinkChange({
        employeeId: holder.id,
        from: { dialpadUserId: holderLink.dialpadUserId, method: holderLink.method },
        next: null,
        actor,
        reason: `Dialpad user mapped by hand to ${employee.name}`,
      }),
    );
  }
  return changes;
}
