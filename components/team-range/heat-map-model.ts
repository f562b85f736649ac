// The heat map's props: compact (a number or a gap code per cell) because they cross to the client;
// the client draws the cells, so a 200 × 31 map is not also sent as a rendered tree.
import { formatDayKey } from "@/lib/dates";
import { personDayGaps, type PersonDayGap } from "@/lib/services/views/person-day";
import type { TeamRange } from "@/lib/services/views/get-team-range";

export interface HeatMapDay {
  key: string;
  /** "Mon 30 Nov" */
  label: string;
  isWorkDay: boolean;
  isToday: boolean;
  average: number | null;
}

export interface HeatMapRow {
  id: number;
  name: string;
  /** Per day: the score (0–100), or why there is none as a code from `encodeGap` (6,200 cells cross to the client). */
  cells: number[];
}

export interface HeatMapModel {
  days: HeatMapDay[];
  rows: HeatMapRow[];
}

/** A gap as a cell: -1 for the first of `personDayGaps`, -2 for the second… (a score is never negative). */
export const encodeGap = (gap: PersonDayGap): number => -1 - personDayGaps.indexOf(gap);

/** The gap a negative cell stands for; null for a score. */
export const decodeGap = (cell: number): PersonDayGap | null => (cell < 0 ? personDayGaps[-1 - cell]! : null);

/** "Mon 30 Nov": the day without its year (the page header says the range). */
export function formatRangeDay(dayKey: string): string {
  return formatDayKey(dayKey).replace(/ \d{4}$/, "");
}

export function buildHeatMapModel(team: TeamRange): HeatMapModel {
  return {
    days: team.days.map((day) => ({
      key: day.dayKey,
      label: formatRangeDay(day.dayKey),
      isWorkDay: day.isWorkDay,
      isToday: day.isToday,
      average: day.average,
    })),
    rows: team.rows.map((row) => ({
      id: row.employeeId,
      name: row.name,
      cells: row.days.map((day) => day.score ?? encodeGap(day.gap ?? "not_synced")),
    })),
  };
}
