import type { Db } from "@/db/client";
import { getEmployeeById } from "@/db/queries/employees";
import {
  listDialpadUserCalls,
  listEmployeeAuditEvents,
  listEmployeeDailyScores,
  listEmployeeDataViews,
  listEmployeeMapping,
} from "@/db/queries/privacy-export";
import { withTransaction } from "@/db/transaction";
import { encodeCsvRow, type CsvValue } from "@/lib/exports/csv";
import { AppError } from "@/lib/errors";
import { maskCallNumbers, maskRawPayloadNumbers } from "@/lib/privacy/mask-call-numbers";
import { createZip } from "@/lib/privacy/zip";
import { isAdmin, type Viewer } from "@/lib/services/access/viewer";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { getCallPrivacy } from "./call-privacy";

export type EmployeeDataExport = { fileName: string; zip: Buffer };

/**
 * A subject request's export (admins): a zip of everything Daymark stores about one employee: the
 * employee record, mapping, calls, daily scores, the "who opened my data" log and audit entries about
 * them, as JSON and CSV. Numbers follow the admin's masking rule. Audited.
 */
export async function exportEmployeeData(db: Db, viewer: Viewer, employeeId: number, now: number = Date.now()): Promise<EmployeeDataExport> {
  // Admins only; for anyone else the export does not exist (a 404, as for a page outside their role).
  if (!isAdmin(viewer)) throw new AppError("NOT_FOUND", "Employee not found.");
  const key = { organizationId: viewer.organizationId, employeeId };
  const employee = Number.isSafeInteger(employeeId) ? await getEmployeeById(db, key) : undefined;
  if (!employee) throw new AppError("NOT_FOUND", "Employee not found.");
  const { isMasked } = await getCallPrivacy(db, viewer);
  const mapping = await listEmployeeMapping(db, key);
  const userIds = mapping.links.flatMap((link) => (link.dialpadUserId ? [link.dialpadUserId] : []));
  const calls = [];
  for (const dialpadUserId of userIds) calls.push(...(await listDialpadUserCalls(db, { organizationId: key.organizationId, dialpadUserId })));
  const shownCalls = calls.map((call) => ({ ...maskCallNumbers(call, isMasked), raw: JSON.parse(maskRawPayloadNumbers(call.raw, isMasked)) as unknown }));
  const scores = await listEmployeeDailyScores(db, key);
  const views = await listEmployeeDataViews(db, key);
  const audit = await listEmployeeAuditEvents(db, key);
  await withTransaction(db, async (tx) => {
    await recordAuditEvent(tx, {
      organizationId: viewer.organizationId,
      actor: viewer,
      action: "employee.data_exported",
      target: { type: "employee", id: employee.id },
      summary: `Exported everything stored about ${employee.name}`,
      details: { calls: calls.length, dailyScores: scores.length, dataViews: views.length, auditEvents: audit.length },
      at: now,
    });
  });
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const zip = createZip([
    { name: "README.txt", content: readme(employee.name, now) },
    { name: "employee.json", content: json(employee) },
    { name: "mapping.json", content: json(mapping) },
    { name: "calls.json", content: json(shownCalls) },
    { name: "calls.csv", content: toCsv(callColumns, shownCalls) },
    { name: "daily-scores.json", content: json(scores.map((row) => ({ ...row, breakdown: parseJson(row.breakdown) }))) },
    { name: "daily-scores.csv", content: toCsv(scoreColumns, scores) },
    { name: "data-views.csv", content: toCsv(viewColumns, views) },
    { name: "audit-events.json", content: json(audit.map((row) => ({ ...row, details: parseJson(row.details) }))) },
  ]);
  const slug = employee.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || `employee-${employee.id}`;
  return { fileName: `daymark-${slug}-data.zip`, zip };
}

const callColumns = [
  "id", "dialpadCallId", "dialpadUserId", "direction", "state", "startedAt", "connectedAt", "endedAt", "durationMs",
  "externalNumber", "internalNumber", "contactName", "targetName", "isInternal", "wasRecorded", "hasVoicemail",
] as const;
const scoreColumns = ["dayKey", "role", "score", "noScoreReason", "talkMs", "connectedCalls", "voicemailsLeft", "missedCalls", "computedAt"] as const;
const viewColumns = ["createdAt", "viewerName", "kind", "detail"] as const;

function toCsv<T extends Record<string, unknown>>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  return encodeCsvRow(columns) + rows.map((row) => encodeCsvRow(columns.map((column) => toCsvValue(row[column])))).join("");
}

function toCsvValue(value: unknown): CsvValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string") return value;
  return String(value);
}

function parseJson(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function readme(name: string, now: number): string {
  return [
    `Everything Daymark stored about ${name} on ${new Date(now).toISOString()}.`,
    "",
    "employee.json      the employee record",
    "mapping.json       the Dialpad user they are mapped to and the mapping history",
    "calls.json/.csv    call legs of their Dialpad user (metadata only: Daymark stores no audio or transcripts)",
    "daily-scores.*     one row per scored day, with how the score was calculated",
    "data-views.csv     who opened their day pages, calls and exports",
    "audit-events.json  audit log entries about them",
    "Times are UTC epoch milliseconds.",
    "",
  ].join("\n");
}
