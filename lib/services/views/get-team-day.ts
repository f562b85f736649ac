import type { Db } from "@/db/client";
import { getSyncedHistoryStart } from "@/db/queries/views";
import { getDayKeyForInstant, getLocalDayBounds } from "@/lib/dates";
import type { Viewer } from "@/lib/services/access/viewer";
import { getViewerOrganization } from "@/lib/services/organizations/get-organization";
import type { TeamDayTotals } from "@/db/queries/team-day-page";
import { listTeamDayPage, type TeamDayRow as ScoredTeamRow } from "@/lib/services/scores/list-team-day";
import { resolveDay, type ResolvedDay } from "./day-param";
import { getDayStatus, type DayStatus } from "./get-day-status";
import { getSevenDayAverage, listTeamSparklines, type SparklinePoint } from "./list-team-sparklines";
import { orderTeamPeople } from "./team-day-order";
import { parseTeamDayQuery, TEAM_PAGE_SIZE, type TeamDayQuery, type TeamListRow } from "./team-day-query";

export interface TeamPerson extends TeamListRow {
  /** The person's own zone: each row is their local day. */
  timeZone: string;
  /** Null score: noScoreReason says why ("not_synced" for a day Daymark never read), or the day is pending or future. */
  noScoreReason: string | null;
  isPending: boolean;
  isFuture: boolean;
}

export interface TeamDayRow extends TeamPerson {
  /** The SPARKLINE_DAYS days ending on the shown day, oldest first. */
  sparkline: SparklinePoint[];
  /** The day's score minus the person's mean over the 7 days before it, rounded; null without both. */
  delta: number | null;
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
  /** The organization's view of the day: synced, in progress, before the history… */
  status: DayStatus;
  organizationTimeZone: string;
  /** Over everyone visible, whatever the search, filter and page. */
  average: TeamAverage;
  peopleCount: number;
  unmappedCount: number;
  /** The query as applied: the page is clamped, and with nobody mapped the list shows everyone. */
  query: TeamDayQuery;
  rows: TeamDayRow[];
  matchCount: number;
  pageCount: number;
}

/**
 * The viewer's visible people on one day (each on their own local day): averages over everyone, one
 * page of rows (searched, filtered and sorted here on the server) with sparklines and deltas.
 * "Today" for the date picker is the organization's current local day.
 */
export async function getTeamDay(
  db: Db,
  viewer: Viewer,
  options: { date: unknown; query?: unknown; now?: number },
): Promise<TeamDay> {
  const now = options.now ?? Date.now();
  const organization = await getViewerOrganization(db, viewer);
  const { timezone, dayStartHour } = organization;
  const day = resolveDay(options.date, getDayKeyForInstant(now, timezone, dayStartHour));
  const bounds = getLocalDayBounds(day.dayKey, timezone, dayStartHour);
  const [status, historyStart] = await Promise.all([
    getDayStatus(db, { organizationId: organization.id, isMapped: true, bounds, now }),
    getSyncedHistoryStart(db, organization.id),
  ]);
  const firstSyncedDay = historyStart === null ? null : getDayKeyForInstant(historyStart, timezone, dayStartHour);
  const isDayUnsynced = status.kind === "not_synced_yet" || firstSyncedDay === null || day.dayKey < firstSyncedDay;
  const requested = parseTeamDayQuery(options.query);
  const team = await listTeamDayPage(db, viewer, day.dayKey, {
    now,
    isDayUnsynced,
    show: requested.show,
    sort: requested.sort,
    dir: requested.dir,
    page: requested.page,
    pageSize: TEAM_PAGE_SIZE,
    isSearching: requested.q !== "",
    order: (people) => orderTeamPeople(people, requested),
  });
  const { totals } = team;
  // Nobody mapped yet (a new organization): the list shows everyone rather than an empty table (the SQL does the same).
  const query = totals.mappedCount === 0 && requested.show === "mapped" ? { ...requested, show: "all" as const } : requested;
  const pageCount = Math.max(1, Math.ceil(team.matchCount / TEAM_PAGE_SIZE));
  const people = team.rows.map((row) => toTeamPerson(row, isDayUnsynced));
  const sparklines = await listTeamSparklines(db, organization, {
    people: people.map((row) => ({ ...row, id: row.employeeId, today: getDayKeyForInstant(now, row.timeZone, dayStartHour) })),
    dayKey: day.dayKey,
    firstSyncedDay,
  });
  const rows = people.map((row): TeamDayRow => {
    const sparkline = sparklines.get(row.employeeId) ?? [];
    const average = getSevenDayAverage(sparkline);
    return { ...row, sparkline, delta: row.score === null || average === null ? null : Math.round(row.score - average) };
  });
  return {
    ...day,
    status,
    organizationTimeZone: timezone,
    average: computeTeamAverage(totals),
    peopleCount: totals.peopleCount,
    unmappedCount: totals.peopleCount - totals.mappedCount,
    query: { ...query, page: Math.min(query.page, pageCount) },
    rows,
    matchCount: team.matchCount,
    pageCount,
  };
}

export function toTeamPerson({ employee, timeZone, dialpadUserId, day }: ScoredTeamRow, isDayUnsynced: boolean): TeamPerson {
  const isMapped = dialpadUserId !== null;
  // Without a Dialpad user there is no phone data, and before the synced history no data at all: no score rather than 0.
  const isUnknown = !day.isStored && (!isMapped || isDayUnsynced);
  return {
    employeeId: employee.id,
    name: employee.name,
    title: employee.title,
    email: employee.email,
    timeZone,
    isMapped,
    score: isUnknown ? null : day.score,
    noScoreReason: isUnknown && isMapped ? "not_synced" : day.noScoreReason,
    isPending: day.isPending,
    isFuture: day.isFuture,
    talkMs: day.talkMs,
    connectedCalls: day.connectedCalls,
    voicemailsLeft: day.voicemailsLeft,
    voicemailsReceived: day.voicemailsReceived,
    missedCalls: day.missedCalls,
  };
}

/** Means as JavaScript took them over everyone's rows: the sums are of integers, so exact. */
export function computeTeamAverage(totals: TeamDayTotals): TeamAverage {
  const mean = (sum: number, count: number) => (count === 0 ? 0 : sum / count);
  const oneDecimal = (n: number) => Math.round(n * 10) / 10;
  return {
    score: totals.scoredCount === 0 ? null : Math.round(mean(totals.scoreSum, totals.scoredCount)),
    scoredCount: totals.scoredCount,
    talkMs: Math.round(mean(totals.talkMsSum, totals.mappedCount)),
    connectedCalls: oneDecimal(mean(totals.connectedCallsSum, totals.mappedCount)),
    voicemails: oneDecimal(mean(totals.voicemailsSum, totals.mappedCount)),
    mappedCount: totals.mappedCount,
  };
}
