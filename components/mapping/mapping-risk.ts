import type { DialpadUserSummary, MappingEmployeeRow } from "@/lib/services/mapping/mapping-rows";

/** A mapping change that takes something away, with the question asked before it is made. */
export type Risk = { choice: string; message: string; confirmLabel: string };

type Change = { kind: "take"; user: DialpadUserSummary } | { kind: "clear" };

/**
 * Null when the change takes nothing from anyone. Taking a Dialpad user another employee holds names
 * that employee ("Blake Costa will lose this Dialpad user"); clearing names what stops counting.
 */
export function describeRisk(row: MappingEmployeeRow, change: Change): Risk | null {
  if (change.kind === "clear") {
    if (!row.dialpadUser) return null;
    return {
      choice: "none",
      message: `${row.name} will no longer be mapped to ${row.dialpadUser.name}; their calls stop counting toward their score.`,
      confirmLabel: "Clear mapping",
    };
  }
  const holder = change.user.mappedEmployeeName;
  if (!holder || row.dialpadUser?.dialpadUserId === change.user.dialpadUserId) return null;
  return {
    choice: `user:${change.user.dialpadUserId}`,
    message: `${holder} will lose this Dialpad user.`,
    confirmLabel: `Move to ${row.name}`,
  };
}
