import type { TeamDayQuery } from "@/lib/services/views/team-day-query";
import { parseTeamDayQuery } from "@/lib/services/views/team-day-query";

const defaults = parseTeamDayQuery({});

/** The Team day URL for a day and query; values at their default are left out, so the plain URL is page 1 by score. */
export function buildTeamHref(dayKey: string, query: TeamDayQuery, changes: Partial<TeamDayQuery> = {}): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams({ date: dayKey });
  if (next.q) params.set("q", next.q);
  if (next.show !== defaults.show) params.set("show", next.show);
  const defaultDir = parseTeamDayQuery({ sort: next.sort }).dir;
  if (next.sort !== defaults.sort || next.dir !== defaultDir) params.set("sort", next.sort);
  if (next.dir !== defaultDir) params.set("dir", next.dir);
  if (next.page > 1) params.set("page", String(next.page));
  return `/team?${params.toString()}`;
}
