import type { Db } from "@/db/client";
import { getDialpadDirectoryRefresh, listLatestMappingEvents, readMappingSnapshot } from "@/db/queries/mapping";
import { AppError } from "@/lib/errors";
import { computeMapping } from "@/lib/mapping/compute-mapping";
import { countByFilter, matchesMappingFilter, matchesMappingSearch, type MappingFilter } from "@/lib/mapping/filter-rows";
import { assertRole, type Viewer } from "@/lib/services/access/viewer";
import { toMappingInput } from "./mapping-input";
import { buildDialpadUserSummaries, buildEmployeeRows, type DialpadUserSummary, type MappingEmployeeRow } from "./mapping-rows";

export type MappingOverview = {
  /** Employees after the filters, by name. */
  employees: MappingEmployeeRow[];
  /** Counts over all employees, for the filter tabs. */
  counts: Record<MappingFilter, number> & { suggestions: number };
  /** Mappable Dialpad users no employee is mapped to. */
  unmappedDialpadUsers: DialpadUserSummary[];
  /** Dialpad users that can't be mapped and aren't, with the reason. */
  unmappableDialpadUsers: DialpadUserSummary[];
  /** Every mappable user, for the choose control. */
  mappableDialpadUsers: DialpadUserSummary[];
  directory: { refreshedAt: number; userCount: number; rejectedCount: number } | null;
};

/** Admins only: the review table and the lists beside it, computed from one consistent read. */
export async function listMappingRows(
  db: Db,
  viewer: Viewer,
  filters: { filter?: MappingFilter; q?: string } = {},
): Promise<MappingOverview> {
  assertRole(viewer, ["admin"]);
  const organizationId = viewer.organizationId;
  const snapshot = await readMappingSnapshot(db, organizationId);
  if (!snapshot) throw new AppError("NOT_FOUND", "Organization not found.");
  const [latestEvents, refresh] = await Promise.all([listLatestMappingEvents(db, organizationId), getDialpadDirectoryRefresh(db, organizationId)]);
  const result = computeMapping(toMappingInput(snapshot));
  const users = buildDialpadUserSummaries(snapshot, result);
  const rows = buildEmployeeRows(snapshot, result, users, latestEvents).sort(byName);
  const filter = filters.filter ?? "all";
  const userList = [...users.values()].sort(byName);
  return {
    employees: rows.filter((row) => matchesMappingFilter(row, filter) && matchesMappingSearch(row, filters.q ?? "")),
    counts: { ...countByFilter(rows), suggestions: rows.filter((row) => row.suggestion !== null).length },
    unmappedDialpadUsers: userList.filter((u) => u.isMappable && u.mappedEmployeeName === null),
    unmappableDialpadUsers: userList.filter((u) => !u.isMappable && u.mappedEmployeeName === null),
    mappableDialpadUsers: userList.filter((u) => u.isMappable),
    directory: refresh ? { refreshedAt: refresh.refreshedAt, userCount: refresh.userCount, rejectedCount: refresh.rejectedCount } : null,
  };
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name);
}
