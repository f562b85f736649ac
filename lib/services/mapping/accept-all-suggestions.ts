import type { Db } from "@/db/client";
import { updateMapping, type LinkChange } from "@/db/queries/mapping";
import { computeMapping } from "@/lib/mapping/compute-mapping";
import { assertRole, type Viewer } from "@/lib/services/access/viewer";
import { afterMappingChanged } from "./after-mapping-changed";
import { manualLinkChange, toMappingInput, type Actor } from "./mapping-input";
import { employeesWithNewUser, planWithAutomaticFollowUp } from "./plan-with-auto";

const basisLabel = { name: "same name", mailbox: "same mailbox name" } as const;

/**
 * Admins only. Confirms every current suggestion (same name or mailbox) as a manual mapping, in one
 * transaction. Suggestions are recomputed here, so only what the page showed and is still true is applied.
 */
export async function acceptAllSuggestions(db: Db, viewer: Viewer): Promise<{ acceptedCount: number; changedEmployeeIds: number[] }> {
  assertRole(viewer, ["admin"]);
  const actor: Actor = { actorUserId: viewer.userId, actorName: viewer.name };
  const { changes, acceptedCount } = await updateMapping(
    db,
    viewer.organizationId,
    (snapshot) => {
      const result = computeMapping(toMappingInput(snapshot));
      const accepted: LinkChange[] = [];
      for (const [employeeId, { outcome }] of result.employees) {
        if (outcome.kind !== "unmatched" || !outcome.suggestion) continue;
        const current = snapshot.links.find((link) => link.employeeId === employeeId);
        accepted.push(
          manualLinkChange({
            employeeId,
            from: current ? { dialpadUserId: current.dialpadUserId, method: current.method } : null,
            next: { dialpadUserId: outcome.suggestion.dialpadUserId },
            actor,
            reason: `Accepted suggestion (${basisLabel[outcome.suggestion.basis]})`,
          }),
        );
      }
      const all = accepted.length === 0 ? [] : planWithAutomaticFollowUp(snapshot, accepted);
      const n = accepted.length;
      const auditSummary = `Accepted ${n === 1 ? "1 mapping suggestion" : `${n} mapping suggestions`}`;
      return { changes: all, value: { changes: all, acceptedCount: n }, auditSummary };
    },
    Date.now(),
  );
  const changedEmployeeIds = employeesWithNewUser(changes);
  if (changedEmployeeIds.length > 0) await afterMappingChanged(db, viewer.organizationId, changedEmployeeIds);
  return { acceptedCount, changedEmployeeIds };
}
