// CSV exports of scores: the viewer's team over a range, or one employee's days.
import type { Db } from "@/db/client";
import { diffDays, formatDayKey } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { createCsvStream } from "@/lib/exports/csv-stream";
import { toFileSlug, type CsvExport } from "@/lib/exports/csv-response";
import type { Viewer } from "@/lib/services/access/viewer";
import { getVisibleEmployee } from "@/lib/services/access/visible-employees";
import { getViewerOrganization } from "@/lib/services/organizations/get-organization";
import { scheduleScoreDrainIfQueued } from "@/lib/services/scores/schedule-score-drain";
import { parseDayRange, type DayRange } from "@/lib/services/views/range-param";
import { createSyncedDayCheck, listRangePeople, toRangePeople } from "@/lib/services/views/range-people";
import { getSyncedHistory } from "@/lib/services/views/synced-history";
import { recordExport } from "./record-export";
import { listScoreExportRows, scoreExportHeader } from "./score-export-rows";

export const MAX_EXPORT_DAYS = 366;

type RangeInput = { from: unknown; to: unknown; now?: number };

/** Every visible person's days in [from, to] (at most a year): /api/exports/team. */
export async function exportTeamScores(db: Db, viewer: Viewer, input: RangeInput & { rowsPerBatch?: number }): Promise<CsvExport> {
  const range = requireRange(input);
  const now = input.now ?? Date.now();
  const organization = await getViewerOrganization(db, viewer);
  const people = await listRangePeople(db, viewer, organization, now);
  await recordExport(db, viewer, {
    employeeIds: people.map((person) => person.employee.id),
    target: { type: "team" },
    summary: `Exported the team's scores for ${describeRange(range)} (${people.length} ${people.length === 1 ? "person" : "people"}, CSV)`,
    details: { export: "team_scores", ...range, people: people.length },
    now,
  });
  return buildScoresExport(db, { organization, people, range, rowsPerBatch: input.rowsPerBatch }, `daymark-team-${fileRange(range)}.csv`);
}

/** One employee's days in [from, to]: /api/exports/employees/{id}/scores. Out of scope or hidden: 404. */
export async function exportEmployeeScores(db: Db, viewer: Viewer, employeeId: number, input: RangeInput): Promise<CsvExport> {
  const range = requireRange(input);
  const now = input.now ?? Date.now();
  const employee = await getVisibleEmployee(db, viewer, employeeId);
  if (employee.hiddenAt !== null) throw new AppError("NOT_FOUND", "Employee not found.");
  const organization = await getViewerOrganization(db, viewer);
  const people = await toRangePeople(db, organization, [employee], now);
  await recordExport(db, viewer, {
    employeeIds: [employee.id],
    target: { type: "employee", id: employee.id },
    summary: `Exported ${employee.name}'s scores for ${describeRange(range)} (CSV)`,
    details: { export: "employee_scores", ...range },
    now,
  });
  const filename = `daymark-scores-${toFileSlug(employee.name, String(employee.id))}-${fileRange(range)}.csv`;
  return buildScoresExport(db, { organization, people, range }, filename);
}

async function buildScoresExport(
  db: Db,
  source: Omit<Parameters<typeof listScoreExportRows>[1], "isSynced">,
  filename: string,
): Promise<CsvExport> {
  await scheduleScoreDrainIfQueued(db, source.organization.id);
  const isSynced = createSyncedDayCheck(await getSyncedHistory(db, source.organization.id), source.organization.dayStartHour);
  return { filename, body: createCsvStream(scoreExportHeader, listScoreExportRows(db, { ...source, isSynced })) };
}

function requireRange(input: RangeInput): DayRange {
  if (input.from === undefined || input.to === undefined) {
    throw new AppError("VALIDATION", "Give the days to export as from=YYYY-MM-DD&to=YYYY-MM-DD (from = to for one day).");
  }
  // The fallback is never used: both ends are present.
  const parsed = parseDayRange(input, { maxDays: MAX_EXPORT_DAYS, fallback: { from: "", to: "" }, fallbackDays: 1 });
  if (!parsed.ok) throw new AppError("VALIDATION", parsed.message);
  return parsed.range;
}

const describeRange = (range: DayRange) =>
  range.from === range.to ? formatDayKey(range.from) : `${formatDayKey(range.from)} to ${formatDayKey(range.to)}`;

const fileRange = (range: DayRange) => (diffDays(range.from, range.to) === 0 ? range.from : `${range.from}-to-${range.to}`);
