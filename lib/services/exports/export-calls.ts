// CSV export of one employee's calls on one of their days: one row per leg, in start order.
import { describeOtherParty, directionLabels, formatZonedTime, getTalkMs } from "@/components/calls/call-format";
import type { Db } from "@/db/client";
import { listCallExportPage, type CallEntryCursor, type CallExportRow } from "@/db/queries/exports";
import { callKindLabels, type CallKind } from "@/lib/calls/rules";
import { describeOverlapReason } from "@/lib/calls/call-overlaps";
import { getDayKeyForInstant } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { CsvValue } from "@/lib/exports/csv";
import { createCsvStream } from "@/lib/exports/csv-stream";
import { toFileSlug, type CsvExport } from "@/lib/exports/csv-response";
import { shouldMaskNumbers, showPhoneNumber } from "@/lib/privacy/mask-phone-number";
import type { Viewer } from "@/lib/services/access/viewer";
import { getVisibleEmployee } from "@/lib/services/access/visible-employees";
import { getViewerOrganization } from "@/lib/services/organizations/get-organization";
import { getPrivacySettings } from "@/lib/services/privacy/get-privacy-settings";
import { getEmployeeTimeZone } from "@/lib/services/scores/scoring-context";
import { dateParamSchema, isViewableDay } from "@/lib/services/views/day-param";
import { recordExport } from "./record-export";

export const callExportHeader = [
  "Start", "Direction", "Other party", "Number", "Duration (s)", "Talk time (s)", "Counted (s)", "Added to the day (s)",
  "Status", "Flagged", "Reason",
];

const PAGE_SIZE = 500;

/** /api/exports/employees/{id}/calls?date=YYYY-MM-DD. Out of scope or hidden: 404. */
export async function exportEmployeeCalls(
  db: Db,
  viewer: Viewer,
  employeeId: number,
  input: { date: unknown; now?: number; pageSize?: number },
): Promise<CsvExport> {
  const parsed = dateParamSchema.safeParse(input.date);
  const dayKey = parsed.success ? parsed.data : undefined;
  if (dayKey === undefined || !isViewableDay(dayKey)) {
    throw new AppError("VALIDATION", "Give the day to export as date=YYYY-MM-DD, for example date=2026-11-30.");
  }
  const employee = await getVisibleEmployee(db, viewer, employeeId);
  if (employee.hiddenAt !== null) throw new AppError("NOT_FOUND", "Employee not found.");
  const organization = await getViewerOrganization(db, viewer);
  const isMasked = shouldMaskNumbers(viewer.role, await getPrivacySettings(db, organization.id));
  await recordExport(db, viewer, {
    employeeIds: [employee.id],
    target: { type: "employee", id: employee.id },
    summary: `Exported ${employee.name}'s calls on ${dayKey} (CSV)`,
    details: { export: "employee_calls", date: dayKey },
    now: input.now ?? Date.now(),
  });
  const timeZone = getEmployeeTimeZone(employee, organization);
  const pages = listCallPages(db, { organizationId: organization.id, employeeId: employee.id, dayKey, limit: input.pageSize ?? PAGE_SIZE });
  return {
    filename: `daymark-calls-${toFileSlug(employee.name, String(employee.id))}-${dayKey}.csv`,
    body: createCsvStream(callExportHeader, toCallRows(pages, timeZone, isMasked)),
  };
}

async function* listCallPages(db: Db, params: { organizationId: number; employeeId: number; dayKey: string; limit: number }) {
  let after: CallEntryCursor | null = null;
  for (;;) {
    const page = await listCallExportPage(db, { ...params, after });
    yield* page;
    if (page.length < params.limit) return;
    const last = page[page.length - 1]!;
    after = { startedAt: last.startedAt, callId: last.callId };
  }
}

async function* toCallRows(legs: AsyncIterable<CallExportRow>, timeZone: string, isMasked: boolean): AsyncGenerator<CsvValue[]> {
  const seconds = (ms: number) => Math.round(ms / 1000);
  for await (const leg of legs) {
    const number = showPhoneNumber(leg.externalNumber, isMasked);
    // Time another call already counted: the leg's own status, as on the day page.
    const isOverlapped = leg.contributionMs < leg.countedMs;
    yield [
      `${getDayKeyForInstant(leg.startedAt, timeZone)} ${formatZonedTime(leg.startedAt, timeZone)}`,
      directionLabels[leg.direction],
      describeOtherParty({ ...leg, externalNumber: number }),
      number,
      leg.endedAt === null ? null : seconds(leg.endedAt - leg.startedAt),
      leg.endedAt === null ? null : seconds(getTalkMs({ ...leg, rangAt: null })),
      seconds(leg.countedMs),
      seconds(leg.contributionMs),
      isOverlapped ? "Overlap" : (callKindLabels[leg.kind as CallKind] ?? leg.kind),
      leg.isFlagged ? "Yes" : "No",
      isOverlapped ? describeOverlapReason(null) : leg.reason,
    ];
  }
}
