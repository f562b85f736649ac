import type { Db } from "@/db/client";
import { listTeamDayFacts, type TeamDayFactsRow, type TeamScope } from "@/db/queries/team-day";
import {
  listTeamPersonNames,
  selectTeamDayPage,
  type TeamDayPageParams,
  type TeamDayTotals,
  type TeamPersonName,
} from "@/db/queries/team-day-page";
import type { Organization } from "@/db/schema";
import { getDayKeyForInstant, type DayKey } from "@/lib/dates";
import type { CallFreeScore } from "@/lib/scoring/call-free-score";
import { isWorkDay, type NoScoreReason } from "@/lib/scoring/score";
import type { Viewer } from "@/lib/services/access/viewer";
import { listCallFreeScores } from "./call-free-days";
import type { DayScore } from "./day-score";
import { scheduleScoreDrainIfQueued } from "./schedule-score-drain";
import { assertDayKey, requireOrganization } from "./read-context";
import { getEmployeeTimeZone, getRoleKey, parseWorkWeek } from "./scoring-context";

/** A day's score without its breakdown: the team page needs the figures, not the explanation. */
export type TeamDayScore = Omit<DayScore, "breakdown" | "computedAt" | "notAnsweredCalls" | "hasActivity">;

export interface TeamDayRow {
  employee: Pick<TeamDayFactsRow, "name" | "title" | "email" | "timezone"> & { id: number };
  timeZone: string;
  /** Null: not mapped to a Dialpad user, so no calls are attributed. */
  dialpadUserId: string | null;
  day: TeamDayScore;
}

/** The viewer's scope as the team query reads it (the same rule as lib/services/access/visible-employees.ts). */
export function getTeamScope(viewer: Viewer): TeamScope | null {
  const { organizationId, employeeId } = viewer;
  if (viewer.role === "admin") return { organizationId, kind: "organization" };
  if (employeeId === null) return null;
  return { organizationId, kind: viewer.role === "manager" ? "self_and_reports" : "self", employeeId };
}

/**
 * Every active, visible employee with their score for their own local day `dayKey`, by name: one
 * query for everyone, and days without calls scored once per role from its settings.
 */
export async function listTeamDay(
  db: Db,
  viewer: Viewer,
  dayKey: string,
  options: { now?: number } = {},
): Promise<TeamDayRow[]> {
  assertDayKey(dayKey);
  const now = options.now ?? Date.now();
  const organization = await requireOrganization(db, viewer.organizationId);
  await scheduleScoreDrainIfQueued(db, organization.id);
  const scope = getTeamScope(viewer);
  if (!scope) return [];
  const facts = await listTeamDayFacts(db, scope, dayKey);
  // A day off without calls has no score whatever the settings, so only work days score them.
  const isWork = isWorkDay(dayKey, parseWorkWeek(organization.workWeek));
  const callFreeRoles = isWork ? facts.filter((row) => !row.isStored).map((row) => getRoleKey(row.title)) : [];
  const callFreeByRole = await listCallFreeScores(db, organization, { roles: callFreeRoles, from: dayKey, to: dayKey });
  const todayByZone = new Map<string, DayKey>();
  const getToday = (timeZone: string) => {
    if (!todayByZone.has(timeZone)) todayByZone.set(timeZone, getDayKeyForInstant(now, timeZone, organization.dayStartHour));
    return todayByZone.get(timeZone)!;
  };
  return facts.map((row) => {
    const timeZone = getEmployeeTimeZone(row, organization);
    const isFuture = dayKey > getToday(timeZone);
    return {
      employee: { id: row.employeeId, name: row.name, title: row.title, email: row.email, timezone: row.timezone },
      timeZone,
      dialpadUserId: row.dialpadUserId,
      day: toTeamDayScore(row, dayKey, { isFuture, callFree: callFreeByRole.get(getRoleKey(row.title))?.get(dayKey) ?? null }),
    };
  });
}

export interface TeamDayPage {
  rows: TeamDayRow[];
  totals: TeamDayTotals;
  matchCount: number;
}

/** The page's order, from everyone's names: all ids in tie-break (or name) order, and the search's matches. */
export type TeamDayOrder = (people: TeamPersonName[]) => { orderedIds: number[]; matchingIds: number[] | null };

type TeamDayPageOptions = Pick<TeamDayPageParams, "show" | "sort" | "dir" | "page" | "pageSize" | "isDayUnsynced"> & {
  now?: number;
  isSearching: boolean;
  order: TeamDayOrder;
};

/**
 * listTeamDay's rows, but only one page of them, searched, filtered and sorted by the database, with
 * totals over everyone in scope. Days without calls score in SQL from their role's call-free score.
 */
export async function listTeamDayPage(db: Db, viewer: Viewer, dayKey: string, options: TeamDayPageOptions): Promise<TeamDayPage> {
  assertDayKey(dayKey);
  const now = options.now ?? Date.now();
  const organization = await requireOrganization(db, viewer.organizationId);
  await scheduleScoreDrainIfQueued(db, organization.id);
  const scope = getTeamScope(viewer);
  const empty: TeamDayPage = {
    rows: [], matchCount: 0,
    totals: { peopleCount: 0, mappedCount: 0, scoredCount: 0, scoreSum: 0, talkMsSum: 0, connectedCallsSum: 0, voicemailsSum: 0 },
  };
  if (!scope) return empty;
  const people = await listTeamPersonNames(db, scope, { withEmail: options.isSearching });
  if (people.length === 0) return empty;
  const isWork = isWorkDay(dayKey, parseWorkWeek(organization.workWeek));
  const roles = isWork ? new Set(people.map((person) => getRoleKey(person.title))) : [];
  const callFreeByRole = await listCallFreeScores(db, organization, { roles, from: dayKey, to: dayKey });
  const getToday = todayInZone(organization, now);
  const zones = new Set(people.map((person) => getEmployeeTimeZone(person, organization)));
  const page = await selectTeamDayPage(db, {
    ...options,
    scope,
    dayKey,
    ...options.order(people),
    callFreeTitles: listCallFreeTitles(people, (title) => callFreeByRole.get(getRoleKey(title))?.get(dayKey)?.score ?? null),
    futureZones: [...zones].filter((zone) => dayKey > getToday(zone)),
    defaultTimeZone: organization.timezone,
  });
  const rows = page.rows.map((row) => {
    const timeZone = getEmployeeTimeZone(row, organization);
    const callFree = callFreeByRole.get(getRoleKey(row.title))?.get(dayKey) ?? null;
    return {
      employee: { id: row.employeeId, name: row.name, title: row.title, email: row.email, timezone: row.timezone },
      timeZone,
      dialpadUserId: row.dialpadUserId,
      day: toTeamDayScore(row, dayKey, { isFuture: dayKey > getToday(timeZone), callFree }),
    };
  });
  return { rows, totals: page.totals, matchCount: page.matchCount };
}

function todayInZone(organization: Pick<Organization, "dayStartHour">, now: number) {
  const todayByZone = new Map<string, DayKey>();
  return (timeZone: string) => {
    if (!todayByZone.has(timeZone)) todayByZone.set(timeZone, getDayKeyForInstant(now, timeZone, organization.dayStartHour));
    return todayByZone.get(timeZone)!;
  };
}

/** Each distinct raw title whose role scores a call-free day (its score), for the SQL's CASE. */
function listCallFreeTitles(people: TeamPersonName[], scoreOf: (title: string | null) => number | null) {
  const titles = new Set(people.map((person) => person.title));
  return [...titles].flatMap((title) => {
    const score = scoreOf(title);
    return score === null ? [] : [{ title, score }];
  });
}

function toTeamDayScore(
  row: TeamDayFactsRow,
  dayKey: DayKey,
  { isFuture, callFree }: { isFuture: boolean; callFree: CallFreeScore | null },
): TeamDayScore {
  const base = {
    employeeId: row.employeeId,
    dayKey,
    role: getRoleKey(row.title),
    talkMs: row.talkMs,
    connectedCalls: row.connectedCalls,
    voicemailsLeft: row.voicemailsLeft,
    voicemailsReceived: row.voicemailsReceived,
    missedCalls: row.missedCalls,
  };
  if (row.isStored) {
    return {
      ...base,
      isStored: true,
      isPending: row.isPending,
      isFuture: false,
      score: row.score,
      noScoreReason: row.isPending ? null : (row.noScoreReason as NoScoreReason | null),
    };
  }
  return {
    ...base,
    isStored: false,
    isPending: false,
    isFuture,
    score: isFuture ? null : (callFree?.score ?? null),
    noScoreReason: isFuture ? null : callFree ? callFree.noScoreReason : "non_work_day",
  };
}
