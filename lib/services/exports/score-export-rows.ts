// One CSV row per person-day: the score (or why there is none), each signal's value, baseline,
// points and weight. Shared by the team export and an employee's scores export.
import type { Db } from "@/db/client";
import { listScoreExportBatch, type ScoreExportRow } from "@/db/queries/exports";
import type { Organization } from "@/db/schema";
import { addDays, diffDays, listDayKeys, type DayKey } from "@/lib/dates";
import type { CsvValue } from "@/lib/exports/csv";
import type { ScoreBreakdown, SignalBreakdown, SignalKey } from "@/lib/scoring/score";
import { personDayGapLabels, resolvePersonDay } from "@/lib/services/views/person-day";
import type { DayRange } from "@/lib/services/views/range-param";
import { scoreCallFreeRange, type RangePerson } from "@/lib/services/views/range-people";

export const scoreExportHeader = [
  "Date", "Employee", "Employee ID", "Role", "Score", "Status",
  "Talk time (s)", "Talk time baseline (s)", "Talk time points", "Talk time weight",
  "Connected calls", "Connected calls baseline", "Connected calls points", "Connected calls weight",
  "Voicemails left", "Missed calls",
];

// Days whose call-free scores are worked out at once: their baselines read the role's trailing
// window, so a year is done a month at a time rather than all at once.
const WINDOW_DAYS = 31;
// Stored rows read per query: people per batch × days per window stays near this.
const ROWS_PER_BATCH = 1_500;

export interface ScoreExportSource {
  organization: Organization;
  people: readonly RangePerson[];
  range: DayRange;
  isSynced: (timeZone: string, dayKey: DayKey) => boolean;
  /** For tests: rows per batch. */
  rowsPerBatch?: number;
}

/** Rows a month-window at a time, then a batch of people at a time, each person's days in order. */
export async function* listScoreExportRows(db: Db, source: ScoreExportSource): AsyncGenerator<CsvValue[]> {
  for (const window of splitRange(source.range, WINDOW_DAYS)) {
    const dayKeys = listDayKeys(window.from, window.to);
    const callFree = await scoreCallFreeRange(db, source.organization, source.people, window);
    const batchSize = Math.max(1, Math.floor((source.rowsPerBatch ?? ROWS_PER_BATCH) / dayKeys.length));
    for (let start = 0; start < source.people.length; start += batchSize) {
      const batch = source.people.slice(start, start + batchSize);
      const stored = await listScoreExportBatch(db, {
        organizationId: source.organization.id,
        employeeIds: batch.map((person) => person.employee.id),
        ...window,
      });
      const storedByKey = new Map(stored.map((row) => [`${row.employeeId}|${row.dayKey}`, row]));
      for (const person of batch) {
        for (const dayKey of dayKeys) {
          const row = storedByKey.get(`${person.employee.id}|${dayKey}`);
          yield toCsvValues(person, dayKey, row, callFree.get(person.role)?.get(dayKey), source.isSynced(person.timeZone, dayKey));
        }
      }
    }
  }
}

function toCsvValues(
  person: RangePerson,
  dayKey: DayKey,
  row: ScoreExportRow | undefined,
  callFree: ScoreBreakdown | undefined,
  isSynced: boolean,
): CsvValue[] {
  const isPending = row?.breakdown === "";
  const day = resolvePersonDay({
    stored: row ? { score: row.score, noScoreReason: row.noScoreReason, isPending } : undefined,
    callFree,
    isFuture: dayKey > person.today,
    isMapped: person.isMapped,
    isSynced,
  });
  const hasNoData = day.gap === "future" || day.gap === "not_mapped" || day.gap === "not_synced";
  const breakdown = row ? (isPending ? null : (JSON.parse(row.breakdown) as ScoreBreakdown)) : hasNoData ? null : (callFree ?? null);
  const hasFacts = row !== undefined || !hasNoData;
  const signal = (key: SignalKey) => breakdown?.signals.find((s) => s.key === key);
  return [
    dayKey,
    person.employee.name,
    person.employee.id,
    person.role,
    day.score,
    day.score === null ? `No score: ${personDayGapLabels[day.gap!]}` : "Scored",
    ...signalValues(signal("talkTime"), 1000),
    ...signalValues(signal("connectedCalls"), 1),
    hasFacts ? (row?.voicemailsLeft ?? 0) : null,
    hasFacts ? (row?.missedCalls ?? 0) : null,
  ];
}

/** Value, baseline, points, weight; talk time in seconds. Empty when the day has no breakdown. */
function signalValues(signal: SignalBreakdown | undefined, unit: number): CsvValue[] {
  if (!signal) return [null, null, null, null];
  const round = (n: number) => Math.round((n / unit) * 100) / 100;
  return [round(signal.value), round(signal.baseline), signal.points, signal.weight];
}

function splitRange(range: DayRange, days: number): DayRange[] {
  const windows: DayRange[] = [];
  for (let from = range.from; diffDays(from, range.to) >= 0; from = addDays(from, days)) {
    const to = addDays(from, days - 1);
    windows.push({ from, to: diffDays(range.to, to) > 0 ? range.to : to });
  }
  return windows;
}
