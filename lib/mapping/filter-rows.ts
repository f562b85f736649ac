// Shared by the mapping service and the mapping table (client), so no server-only imports here.

export const mappingFilters = ["all", "mapped", "unmapped", "conflicts"] as const;
export type MappingFilter = (typeof mappingFilters)[number];
export type MappingStatus = "mapped" | "unmapped" | "conflict";

export type FilterableMappingRow = {
  status: MappingStatus;
  name: string;
  email: string;
  phone: string | null;
  dialpadUser: { name: string; emails: string[] } | null;
};

export function matchesMappingFilter(row: FilterableMappingRow, filter: MappingFilter): boolean {
  if (filter === "all") return true;
  if (filter === "conflicts") return row.status === "conflict";
  return row.status === filter;
}

/** Case-insensitive search over the employee's and the mapped Dialpad user's names, emails and phone. */
export function matchesMappingSearch(row: FilterableMappingRow, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === "") return true;
  const haystack = [row.name, row.email, row.phone ?? "", row.dialpadUser?.name ?? "", ...(row.dialpadUser?.emails ?? [])];
  return haystack.some((value) => value.toLowerCase().includes(needle));
}

export function countByFilter(rows: FilterableMappingRow[]): Record<MappingFilter, number> {
  const counts = { all: rows.length, mapped: 0, unmapped: 0, conflicts: 0 };
  for (const row of rows) {
    if (row.status === "conflict") counts.conflicts += 1;
    else counts[row.status] += 1;
  }
  return counts;
}
