// The heat map's props: compact (a number or a gap code per cell) because they cross to the client;
// the client draws the cells, so a 200 × 31 map is not also sent as a rendered tree.
import { formatDayKey } from "@/lib/dates";
import type { PersonDayGap } from "@/lib/services/views/person-day";
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
  /** Per day: the score, or why there is none. */
  cells: (number | PersonDayGap)[];
}

export interface HeatMapModel {
  days: HeatMapDay[];
  rows: HeatMapRow[];
}

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
      cells: row.days.map((day) => day.score ?? day.gap ?? "not_synced"),
    })),
  };
}
