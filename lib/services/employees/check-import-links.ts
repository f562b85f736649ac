import { findManagerCycle } from "./manager-cycle";
import type { ImportProblem, ParsedRow } from "./check-import-rows";

/**
 * Cross-row rules: an email appears once in the file; manager_email names someone in the file or
 * already in the organization, and not the row itself; the resulting manager chains have no loops.
 * `fileEmails` holds every valid email in the file; `existingManagers` maps each current
 * employee's email to their manager's email.
 */
export function checkRowsTogether(
  rows: ParsedRow[],
  fileEmails: ReadonlySet<string>,
  existingManagers: ReadonlyMap<string, string | null>,
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const firstRowByEmail = new Map<string, number>();
  for (const { row, employee } of rows) {
    const first = firstRowByEmail.get(employee.email);
    if (first === undefined) firstRowByEmail.set(employee.email, row);
    else problems.push({ row, message: `email ${employee.email} is already on row ${first}.` });
  }
  for (const { row, employee } of rows) {
    const manager = employee.managerEmail;
    if (manager === null) continue;
    if (manager === employee.email) problems.push({ row, message: "manager_email is the employee's own email." });
    else if (!fileEmails.has(manager) && !existingManagers.has(manager)) {
      problems.push({ row, message: `manager_email ${manager} is not in this file or the organization.` });
    }
  }
  // Loops are looked for alongside the problems above (one pass), but not when an email repeats: whose manager is whose is then unclear.
  const hasRepeatedEmail = firstRowByEmail.size < rows.length;
  if (hasRepeatedEmail) return problems;
  const flagged = new Set(problems.map((p) => p.row));
  const managerOf = new Map(existingManagers);
  for (const { row, employee } of rows) managerOf.set(employee.email, flagged.has(row) ? null : employee.managerEmail);
  for (const { row, employee } of rows.filter(({ row }) => !flagged.has(row))) {
    const loop = findManagerCycle(managerOf, employee.email);
    if (loop?.includes(employee.email)) {
      problems.push({ row, message: `manager chain loops: ${[...loop, loop[0]].join(" → ")}.` });
    }
  }
  return problems;
}
