"use client";

import {
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from "@tanstack/react-table";
import { useActionState, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { FormStatus } from "@/components/ui/form-status";
import type { FormAction } from "@/lib/action";
import { countByFilter, matchesMappingFilter, matchesMappingSearch, mappingFilters, type MappingFilter } from "@/lib/mapping/filter-rows";
import type { DialpadUserSummary, MappingEmployeeRow } from "@/lib/services/mapping/mapping-rows";
import { DialpadUserCell, EmployeeCell, MethodCell, StatusCell } from "./mapping-cells";
import { MappingControl } from "./mapping-control";
import { toMappingQuery, type MappingSearch } from "./mapping-search";
import styles from "./mapping.module.css";

const pageSize = 50;
const filterLabels: Record<MappingFilter, string> = { all: "All", mapped: "Mapped", unmapped: "Not mapped", conflicts: "Conflicts" };
const statusOrder = { conflict: 0, unmapped: 1, mapped: 2 } as const;

type MappingTableProps = {
  rows: MappingEmployeeRow[];
  users: DialpadUserSummary[];
  initialState: MappingSearch;
  action: FormAction<{ message: string }>;
};

export function MappingTable({ rows, users, initialState, action }: MappingTableProps) {
  const [state, formAction] = useActionState(action, null);
  const [search, setSearch] = useState(initialState);
  const update = (next: Partial<MappingSearch>) => {
    const merged = { ...search, ...next };
    setSearch(merged);
    const query = toMappingQuery(merged);
    window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
  };
  const matching = rows.filter((row) => matchesMappingFilter(row, search.filter) && matchesMappingSearch(row, search.q)).length;
  const pageCount = Math.max(1, Math.ceil(matching / pageSize));
  const page = Math.min(search.page, pageCount);
  const sorting: SortingState = search.sort ? [{ id: search.sort, desc: search.dir === "desc" }] : [];
  const columns: ColumnDef<MappingEmployeeRow>[] = [
    { id: "name", accessorKey: "name", header: "Employee", cell: ({ row }) => <EmployeeCell row={row.original} /> },
    {
      id: "status",
      accessorFn: (row) => statusOrder[row.status],
      header: "Status",
      filterFn: (row, _id, filter: MappingFilter) => matchesMappingFilter(row.original, filter),
      cell: ({ row }) => <StatusCell row={row.original} />,
    },
    {
      id: "dialpadUser",
      accessorFn: (row) => row.dialpadUser?.name ?? row.suggestion?.user.name ?? "",
      header: "Dialpad user",
      cell: ({ row }) => <DialpadUserCell row={row.original} />,
    },
    { id: "method", accessorFn: (row) => row.method ?? "", header: "How matched", cell: ({ row }) => <MethodCell row={row.original} /> },
    {
      id: "actions",
      header: "Change",
      enableSorting: false,
      cell: ({ row }) => <MappingControl row={row.original} users={users} formAction={formAction} state={state} />,
    },
  ];

  // TanStack Table returns a new object each render by design; it is not memoizable.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (row) => String(row.employeeId),
    state: {
      globalFilter: search.q,
      columnFilters: [{ id: "status", value: search.filter }],
      sorting,
      pagination: { pageIndex: page - 1, pageSize },
    },
    globalFilterFn: (row, _id, query: string) => matchesMappingSearch(row.original, query),
    getColumnCanGlobalFilter: () => true,
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      update({ sort: (next[0]?.id as MappingSearch["sort"]) ?? null, dir: next[0]?.desc ? "desc" : "asc", page: 1 });
    },
    autoResetPageIndex: false,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
  });
  const counts = countByFilter(rows);

  return (
    <>
      <FormStatus state={state} success={state?.ok ? state.data.message : null} />
      <div className="table-toolbar">
        <div className="field">
          <label htmlFor="mapping-search">Search employees</label>
          <input
            id="mapping-search"
            type="search"
            value={search.q}
            placeholder="Name, email, phone, Dialpad user…"
            onChange={(event) => update({ q: event.target.value, page: 1 })}
          />
        </div>
        <div className={styles.tabs} role="group" aria-label="Show">
          {mappingFilters.map((filter) => (
            <button
              key={filter}
              type="button"
              className={styles.tab}
              aria-pressed={search.filter === filter}
              onClick={() => update({ filter, page: 1 })}
            >
              {filterLabels[filter]} ({counts[filter]})
            </button>
          ))}
        </div>
      </div>
      <p className="muted" aria-live="polite">
        {matching === rows.length ? countLabel(rows.length) : `${matching} of ${countLabel(rows.length)}`}
      </p>
      <DataTable table={table} caption="Employees and their Dialpad users" emptyMessage="No employees match." responsive />
      {pageCount > 1 ? (
        <nav className={styles.pager} aria-label="Pages">
          <button type="button" className="button button--secondary button--small" disabled={!table.getCanPreviousPage()} onClick={() => update({ page: page - 1 })}>
            Previous
          </button>
          <span>
            Page {page} of {pageCount}
          </span>
          <button type="button" className="button button--secondary button--small" disabled={!table.getCanNextPage()} onClick={() => update({ page: page + 1 })}>
            Next
          </button>
        </nav>
      ) : null}
    </>
  );
}

function countLabel(n: number): string {
  return n === 1 ? "1 employee" : `${n} employees`;
}
