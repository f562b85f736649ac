import { isSupportedCountry, type CountryCode } from "libphonenumber-js";
import type { LinkChange, MappingSnapshot } from "@/db/queries/mapping";
import type { MappingMethod } from "@/db/schema";
import type { PlannedLinkChange } from "@/lib/mapping/plan-auto-changes";
import type { MappingInput } from "@/lib/mapping/types";

export type Actor = { actorUserId: number | null; actorName: string };

export const automaticActor: Actor = { actorUserId: null, actorName: "Automatic" };

export function toMappingInput(snapshot: MappingSnapshot): MappingInput {
  const country = snapshot.organization.countryCode.toUpperCase();
  return {
    employees: snapshot.employees.map(({ id, name, email, phone, isActive }) => ({ id, name, email, phone, isActive })),
    dialpadUsers: snapshot.dialpadUsers.map((user) => ({
      dialpadUserId: user.dialpadUserId,
      displayName: user.displayName,
      emails: user.emails,
      phoneNumbers: user.phoneNumbers,
      state: user.state,
      license: user.license,
      // An erased employee's user is never mapped again automatically (issue 18).
      isRemoved: user.removedAt !== null || user.erasedAt !== null,
    })),
    links: snapshot.links.map(({ employeeId, dialpadUserId, method }) => ({ employeeId, dialpadUserId, method })),
    defaultCountry: isSupportedCountry(country) ? (country as CountryCode) : "US",
  };
}

export function toLinkChange(planned: PlannedLinkChange, actor: Actor): LinkChange {
  return {
    employeeId: planned.employeeId,
    next: planned.to ? { dialpadUserId: planned.to.dialpadUserId, method: planned.to.method, matchedValue: planned.to.value } : null,
    event: {
      fromDialpadUserId: planned.from?.dialpadUserId ?? null,
      fromMethod: planned.from?.method ?? null,
      toDialpadUserId: planned.to?.dialpadUserId ?? null,
      toMethod: planned.to?.method ?? null,
      ...actor,
      reason: planned.reason,
    },
  };
}

/** A link set by an admin: a chosen user, deliberately none (null), or back to automatic (next null). */
export function manualLinkChange(params: {
  employeeId: number;
  from: { dialpadUserId: string | null; method: MappingMethod } | null;
  next: { dialpadUserId: string | null } | null;
  actor: Actor;
  reason: string;
}): LinkChange {
  const { employeeId, from, next, actor, reason } = params;
  return {
    employeeId,
    next: next ? { dialpadUserId: next.dialpadUserId, method: "manual", matchedValue: null } : null,
    event: {
      fromDialpadUserId: from?.dialpadUserId ?? null,
      fromMethod: from?.method ?? null,
      toDialpadUserId: next?.dialpadUserId ?? null,
      toMethod: next ? "manual" : null,
      ...actor,
      reason,
    },
  };
}
