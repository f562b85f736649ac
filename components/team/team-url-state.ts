import { z } from "@/lib/zod";

export const teamShowOptions = ["all", "with-calls", "no-calls", "not-mapped"] as const;
export type TeamShow = (typeof teamShowOptions)[number];
export const teamSortColumns = ["name", "score", "talk", "calls", "voicemails", "missed"] as const;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** The team table's URL state; anything unknown falls back to the default instead of failing. */
export const teamTableStateSchema = z.object({
  q: z.preprocess(first, z.string().max(100).catch("")).default(""),
  sort: z.preprocess(first, z.enum(teamSortColumns).nullable().catch(null)).default(null),
  dir: z.preprocess(first, z.enum(["asc", "desc"]).catch("asc")).default("asc"),
  show: z.preprocess(first, z.enum(teamShowOptions).catch("all")).default("all"),
});
export type TeamTableState = z.output<typeof teamTableStateSchema>;

/** Writes the table state into the URL in place (no server round trip), keeping ?date. */
export function writeTeamTableState(state: TeamTableState): void {
  const params = new URLSearchParams(window.location.search);
  const set = (key: string, value: string, fallback: string) => (value && value !== fallback ? params.set(key, value) : params.delete(key));
  set("q", state.q.trim(), "");
  set("sort", state.sort ?? "", "");
  set("dir", state.sort ? state.dir : "", "asc");
  set("show", state.show, "all");
  const query = params.toString();
  window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
}
