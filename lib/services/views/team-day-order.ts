// The Team day's order by name, for the database to page by: compareTeamRows's tie-break and name sort
// (team-day-query.ts) need the "en" collation, which neither SQLite nor PostgreSQL can reproduce.
import type { TeamPersonName } from "@/db/queries/team-day-page";
import type { TeamDayQuery } from "./team-day-query";

const collator = new Intl.Collator("en");
type NameOrders = { tie?: number[]; asc?: number[]; desc?: number[] };
// Collating 2,000 names costs several milliseconds, and names rarely change between two views of
// the page: the orders are kept for the last few sets of (id, name), keyed by those sets themselves.
const cache = new Map<string, NameOrders>();
const CACHE_SIZE = 8;

function getOrders(people: readonly TeamPersonName[]): NameOrders {
  const key = people.map((person) => `${person.employeeId}\u0000${person.name}`).join("\u0001");
  let orders = cache.get(key);
  if (orders) {
    cache.delete(key);
  } else {
    orders = {};
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, orders);
  return orders;
}

/** By name in the "en" collation, then by id: compareTeamRows's tie-break. */
function sortByTie(people: readonly TeamPersonName[]): TeamPersonName[] {
  return [...people].sort((a, b) => collator.compare(a.name, b.name) || a.employeeId - b.employeeId);
}

/** compareTeamRows for the name column: the lower-cased names by code unit, then the tie-break. */
function sortByName(people: readonly TeamPersonName[], tieIds: readonly number[], dir: "asc" | "desc"): number[] {
  const rank = new Map(tieIds.map((id, index) => [id, index]));
  const sign = dir === "asc" ? 1 : -1;
  const keyed = people.map((person) => ({ id: person.employeeId, key: person.name.toLocaleLowerCase("en"), rank: rank.get(person.employeeId)! }));
  keyed.sort((a, b) => (a.key !== b.key ? (a.key < b.key ? -1 : 1) * sign : a.rank - b.rank));
  return keyed.map((person) => person.id);
}

/**
 * Everyone's ids in the order the SQL breaks ties by (or, sorting by name, sorts by), and the ids the
 * search matches (name, title and email, case-insensitively as JavaScript lower-cases), null without one.
 */
export function orderTeamPeople(
  people: readonly TeamPersonName[],
  query: Pick<TeamDayQuery, "q" | "sort" | "dir">,
): { orderedIds: number[]; matchingIds: number[] | null } {
  const orders = getOrders(people);
  const tieIds = (orders.tie ??= sortByTie(people).map((person) => person.employeeId));
  const orderedIds = query.sort === "name" ? (orders[query.dir] ??= sortByName(people, tieIds, query.dir)) : tieIds;
  const needle = query.q.toLocaleLowerCase("en");
  const matchingIds =
    needle === ""
      ? null
      : people
          .filter((person) => `${person.name}\n${person.title ?? ""}\n${person.email ?? ""}`.toLocaleLowerCase("en").includes(needle))
          .map((person) => person.employeeId);
  return { orderedIds, matchingIds };
}
