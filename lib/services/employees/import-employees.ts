import type { CountryCode } from "libphonenumber-js";
import type { Db } from "@/db/client";
import { applyEmployeeImport, listEmployees, listEmployeesForUpdate } from "@/db/queries/employees";
import { getOrganizationById } from "@/db/queries/organizations";
import { withTransaction } from "@/db/transaction";
import { AppError } from "@/lib/errors";
import { assertRole, type Viewer } from "@/lib/services/access/viewer";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { autoMapOrganization } from "@/lib/services/mapping/auto-map";
import { queueScoresAfterEmployeesChanged } from "@/lib/services/scores/after-employees-changed";
import { scheduleScoreDrain } from "@/lib/services/scores/schedule-score-drain";
import { parseCsv } from "./csv";
import { checkRowsTogether } from "./check-import-links";
import { checkRows, type ImportProblem } from "./check-import-rows";

export const maxImportRows = 5000;

export type ImportReport =
  | { status: "imported"; created: number; updated: number }
  | { status: "rejected"; problems: ImportProblem[] };

/**
 * Admins only. Rows are matched to existing employees by email: a known email updates that
 * employee (blank optional cells clear the field; the active flag is kept), a new one creates an
 * active employee. Any problem rejects the whole file and nothing changes; otherwise every row is
 * written in one transaction, with the score work for changed time zones and roles.
 */
export async function importEmployees(db: Db, viewer: Viewer, csvText: string): Promise<ImportReport> {
  assertRole(viewer, ["admin"]);
  const organization = await getOrganizationById(db, viewer.organizationId);
  if (!organization) throw new AppError("NOT_FOUND", "Organization not found.");
  const parsed = parseCsv(csvText);
  if (!parsed.ok) return reject([{ row: parsed.row, message: parsed.message }]);
  if (parsed.records.length - 1 > maxImportRows) {
    return reject([{ row: maxImportRows + 2, message: `A file may hold at most ${maxImportRows} employees.` }]);
  }
  const { rows, emails, problems } = checkRows(parsed.records, organization.countryCode as CountryCode);
  if (problems.length === 0 && rows.length === 0) return reject([{ row: 2, message: "The file has no employee rows." }]);
  const existing = await listEmployees(db, viewer.organizationId);
  const emailById = new Map(existing.map((e) => [e.id, e.email]));
  const existingManagers = new Map(
    existing.map((e) => [e.email, e.managerId === null ? null : (emailById.get(e.managerId) ?? null)]),
  );
  const allProblems = [...problems, ...checkRowsTogether(rows, emails, existingManagers)].sort((a, b) => a.row - b.row);
  if (allProblems.length > 0) return reject(allProblems);
  const { counts, isScoreWorkQueued } = await withTransaction(db, async (tx) => {
    const before = await listEmployeesForUpdate(tx, viewer.organizationId);
    const counts = await applyEmployeeImport(
      tx,
      viewer.organizationId,
      rows.map((r) => r.employee),
    );
    const after = await listEmployees(tx, viewer.organizationId);
    await recordAuditEvent(tx, {
      organizationId: viewer.organizationId,
      actor: viewer,
      action: "employees.imported",
      target: { type: "employees" },
      summary: `Imported employees from a file: ${counts.created} added, ${counts.updated} updated`,
      details: { rows: rows.length, ...counts },
    });
    return { counts, isScoreWorkQueued: await queueScoresAfterEmployeesChanged(tx, viewer.organizationId, before, after) };
  });
  await autoMapOrganization(db, viewer.organizationId);
  if (isScoreWorkQueued) scheduleScoreDrain(db, viewer.organizationId);
  return { status: "imported", ...counts };
}

function reject(problems: ImportProblem[]): ImportReport {
  return { status: "rejected", problems };
}
