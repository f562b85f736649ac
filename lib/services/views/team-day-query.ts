// The Team day page's URL state (search, filter, sort, page) and how it picks one page of people.
import { z } from "@/lib/zod";

export const TEAM_PAGE_SIZE = 100;

export const teamShowOptions = ["mapped", "with-calls", "no-calls", "not-mapped", "all"] as const;
export type TeamShow = (typeof teamShowOptions)[number];
export const teamSortColumns = ["name", "score", "talk", "calls", "voicemails", "missed"] as const;
export type TeamSort = (typeof teamSortColumns)[number];
export type SortDirection = "asc" | "desc";

/** Columns whose first click sorts high to low. */
export const descFirstColumns: readonly TeamSort[] = ["score", "talk", "calls", "voicemails", "missed"];

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** ?q, ?show, ?sort, ?dir, ?page; anything unknown falls back to the default instead of failing. */
export const teamDayQuerySchema = z.object({
  q: z.preprocess(first, z.string().max(100).catch("")).default("").transform((q) => q.trim()),
  show: z.preprocess(first, z.enum(teamShowOptions).catch("mapped")).default("mapped"),
  sort: z.preprocess(first, z.enum(teamSortColumns).catch("score")).default("score"),
  dir: z.preprocess(first, z.enum(["asc", "desc"]).optional().catch(undefined)),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).catch(1)).default(1),
});
export type TeamDayQuery = { q: string; show: TeamShow; sort: TeamSort; dir: SortDirection; page: number };

export function parseTeamDayQuery(input: unknown): TeamDayQuery {
  const parsed = teamDayQuerySchema.parse(input ?? {});
  return { ...parsed, dir: parsed.dir ?? (descFirstColumns.includes(parsed.sort) ? "desc" : "asc") };
}

/** What the rows must carry to be searched, filtered and sorted. */
export interface TeamListRow {
  employeeId: number;
  name: string;
  title: string | null;
  email: string;
  isMapped: boolean;
  score: number | null;
  talkMs: number;
  connectedCalls: number;
  voicemailsLeft: number;
  voicemailsReceived: number;
  missedCalls: number;
}

export function hasCalls(row: TeamListRow): boolean {
  return row.connectedCalls + row.missedCalls + row.voicemailsReceived + row.voicemailsLeft > 0 || row.talkMs > 0;
}

function matchesShow(row: TeamListRow, show: TeamShow): boolean {
  if (show === "mapped") return row.isMapped;
  if (show === "with-calls") return row.isMapped && hasCalls(row);
  if (show === "no-calls") return row.isMapped && !hasCalls(row);
  if (show === "not-mapped") return !row.isMapped;
  return true;
}

const sortValue: Record<TeamSort, (row: TeamListRow) => number | string | null> = {
  name: (row) => row.name.toLocaleLowerCase("en"),
  score: (row) => row.score,
  talk: (row) => row.talkMs,
  calls: (row) => row.connectedCalls,
  voicemails: (row) => row.voicemailsLeft + row.voicemailsReceived,
  missed: (row) => row.missedCalls,
};

/** People without a score stay below the rest whichever way the column is sorted; ties go by name. */
export function compareTeamRows(sort: TeamSort, dir: SortDirection) {
  const value = sortValue[sort];
  const sign = dir === "asc" ? 1 : -1;
  return (a: TeamListRow, b: TeamListRow): number => {
    const x = value(a);
    const y = value(b);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * sign;
    }
    return a.name.localeCompare(b.name, "en") || a.employeeId - b.employeeId;
  };
}

export interface TeamPage<T> {
  rows: T[];
  /** People matching the search and filter, over all pages. */
  matchCount: number;
  pageCount: number;
  /** The page shown: the one asked for, or the last one when it was past the end. */
  page: number;
}

/** Searches name, title and email, filters, sorts, and cuts one page. */
export function selectTeamPage<T extends TeamListRow>(rows: readonly T[], query: TeamDayQuery, pageSize = TEAM_PAGE_SIZE): TeamPage<T> {
  const needle = query.q.toLocaleLowerCase("en");
  const matching = rows.filter(
    (row) =>
      matchesShow(row, query.show) &&
      (needle === "" || `${row.name}\n${row.title ?? ""}\n${row.email}`.toLocaleLowerCase("en").includes(needle)),
  );
  matching.sort(compareTeamRows(query.sort, query.dir));
  const pageCount = Math.max(1, Math.ceil(matching.length / pageSize));
  const page = Math.min(query.page, pageCount);
  return { rows: matching.slice((page - 1) * pageSize, page * pageSize), matchCount: matching.length, pageCount, page };
}
