import { z } from "@/lib/zod";
import { mappingFilters } from "@/lib/mapping/filter-rows";

// The mapping page's URL state, read by the server page and written back by the table.

export const mappingSortColumns = ["name", "status", "dialpadUser", "method"] as const;

export const mappingSearchSchema = z.object({
  q: z.string().max(200).catch(""),
  filter: z.enum(mappingFilters).catch("all"),
  sort: z.enum(mappingSortColumns).nullable().catch(null),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type MappingSearch = z.infer<typeof mappingSearchSchema>;

export function parseMappingSearch(raw: Record<string, string | string[] | undefined>): MappingSearch {
  return mappingSearchSchema.parse({
    q: raw.q ?? "",
    filter: raw.filter ?? "all",
    sort: raw.sort ?? null,
    dir: raw.dir ?? "asc",
    page: raw.page ?? 1,
  });
}

/** The query string for a state, leaving defaults out so links stay short. */
export function toMappingQuery(state: MappingSearch): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set("q", state.q.trim());
  if (state.filter !== "all") params.set("filter", state.filter);
  if (state.sort) params.set("sort", state.sort);
  if (state.sort && state.dir === "desc") params.set("dir", "desc");
  if (state.page > 1) params.set("page", String(state.page));
  return params.toString();
}
