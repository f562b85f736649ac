import type { Db } from "@/db/client";
import { getDayKeyForInstant } from "@/lib/dates";
import type { Viewer } from "@/lib/services/access/viewer";
import { getViewerOrganization } from "@/lib/services/organizations/get-organization";
import { listTeamDay } from "@/lib/services/scores/list-team-day";
import { resolveDay, type ResolvedDay } from "./day-param";
import { listTeamSparklines } from "./list-team-sparklines";

export interface TeamDayRow {
  employeeId: number;
  name: string;
  title: string | null;
  isMapped: boolean;
  /** Null: no score that day (noScoreReason says why, or the day is in the future or pending). */
  score: number | null;
  noScoreReason: string | null;
  isPending: boolean;
  talkMs: number;
  connectedCalls: number;
  voicemailsLeft: number;
  voicemailsReceived: number;
  missedCalls: number;
  /** The last SPARKLINE_DAYS days' scores, oldest first; null where there is no score. */
  sparkline: (number | null)[];
}

export interface TeamAverage {
  /** Mean of the people who have a score, rounded; null when nobody does. */
  score: number | null;
  scoredCount: number;
  /** Means over the mapped people (unmapped ones have no phone data to average). */
  talkMs: number;
  connectedCalls: number;
  voicemails: number;
  mappedCount: number;
}

export interface TeamDay extends ResolvedDay {
  rows: TeamDayRow[];
  average: TeamAverage;
}

/**
 * The viewer's visible, active people for one day (each on their own local day), with sparklines.
 * "Today" for the date picker is the organization's current local day.
 */
export async function getTeamDay(db: Db, viewer: Viewer, options: { date: unknown; now?: number }): Promise<TeamDay> {
  const now = options.now ?? Date.now();
  const organization = await getViewerOrganization(db, viewer);
  const day = resolveDay(options.date, getDayKeyForInstant(now, organization.timezone, organization.dayStartHour));
  const team = await listTeamDay(db, viewer, day.dayKey, { now });
  const sparklines = await listTeamSparklines(db, organization, {
    employees: team.map((row) => ({ ...row.employee, isMapped: row.dialpadUserId !== null })),
    dayKey: day.dayKey,
    now,
  });
  const rows = team.map(({ employee, dialpadUserId, day: score }): TeamDayRow => ({
    employeeId: employee.id,
    name: employee.name,
    title: employee.title,
    isMapped: dialpadUserId !== null,
    // Without a Dialpad user there is no phone data: no score rather than a score of 0.
    score: dialpadUserId === null && !score.isStored ? null : score.score,
    noScoreReason: score.noScoreReason,
    isPending: score.isPending,
    talkMs: score.talkMs,
    connectedCalls: score.connectedCalls,
    voicemailsLeft: score.voicemailsLeft,
    voicemailsReceived: score.voicemailsReceived,
    missedCalls: score.missedCalls,
    sparkline: sparklines.get(employee.id) ?? [],
  }));
  return { ...day, rows, average: computeTeamAverage(rows) };
}

export function computeTeamAverage(rows: readonly TeamDayRow[]): TeamAverage {
  const scored = rows.filter((row) => row.score !== null);
  const mapped = rows.filter((row) => row.isMapped);
  const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
  const oneDecimal = (n: number) => Math.round(n * 10) / 10;
  return {
    score: scored.length === 0 ? null : Math.round(mean(scored.map((row) => row.score!))),
    scoredCount: scored.length,
    talkMs: Math.round(mean(mapped.map((row) => row.talkMs))),
    connectedCalls: oneDecimal(mean(mapped.map((row) => row.connectedCalls))),
    voicemails: oneDecimal(mean(mapped.map((row) => row.voicemailsLeft + row.voicemailsReceived))),
    mappedCount: mapped.length,
  };
}
