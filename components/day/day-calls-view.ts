// Pure: the calls table's URL state (?calls=missed&sort=talk&dir=desc) and what it shows.
import { callFilters, type CallFilter, type DayCallItem } from "./day-calls-model";

export const callSorts = ["time", "party", "talk", "counted", "status"] as const;
export type CallSort = (typeof callSorts)[number];
export type SortDirection = "asc" | "desc";

export interface CallTableState {
  filter: CallFilter;
  sort: CallSort;
  dir: SortDirection;
}

export const filterLabels: Record<CallFilter, string> = {
  all: "All",
  counted: "Counted",
  missed: "Missed",
  voicemail: "Voicemail",
  flagged: "Flagged",
  overlap: "Overlap",
};

const pick = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;

/** Unknown values fall back to the defaults: every call, in time order. */
export function readCallTableState(params: URLSearchParams): CallTableState {
  return {
    filter: pick(callFilters, params.get("calls"), "all"),
    sort: pick(callSorts, params.get("sort"), "time"),
    dir: params.get("dir") === "desc" ? "desc" : "asc",
  };
}

/** The query string with the table's state; defaults are left out so the day's plain URL stays plain. */
export function writeCallTableState(params: URLSearchParams, state: CallTableState): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string, fallback: string) => (value === fallback ? next.delete(key) : next.set(key, value));
  set("calls", state.filter, "all");
  set("sort", state.sort, "time");
  set("dir", state.dir, "asc");
  return next;
}

export function countByFilter(items: readonly DayCallItem[]): Record<CallFilter, number> {
  const counts = Object.fromEntries(callFilters.map((filter) => [filter, 0])) as Record<CallFilter, number>;
  for (const item of items) for (const filter of item.filters) counts[filter]++;
  return counts;
}

const sortValue: Record<CallSort, (item: DayCallItem) => number | string> = {
  time: (item) => item.startedAt,
  party: (item) => item.party.toLowerCase(),
  talk: (item) => item.talkMs ?? -1,
  counted: (item) => item.addedMs,
  status: (item) => item.status.toLowerCase(),
};

/** Filtered, then sorted; ties keep time order. */
export function selectCalls(items: readonly DayCallItem[], state: CallTableState): DayCallItem[] {
  const value = sortValue[state.sort];
  const sign = state.dir === "asc" ? 1 : -1;
  return items
    .filter((item) => item.filters.includes(state.filter))
    .sort((a, b) => {
      const x = value(a);
      const y = value(b);
      return (x < y ? -sign : x > y ? sign : 0) || a.startedAt - b.startedAt || a.id - b.id;
    });
}
