"use client";

import {
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from "@tanstack/react-table";
import Link from "next/link";
import { useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { toSorting, useTableUrlWriter, type TableUrlState } from "@/components/data-table/table-url-state";
import { ContactValue } from "@/components/ui/contact-value";
import type { EmployeeRow } from "@/lib/services/employees/list-employee-rows";

const columns: ColumnDef<EmployeeRow>[] = [
  {
    accessorKey: "name",
    header: "Name",
    cell: ({ row }) => <Link href={`/employees/${row.original.id}`}>{row.original.name}</Link>,
  },
  { accessorKey: "email", header: "Email", cell: ({ getValue }) => <ContactValue value={getValue<string>()} /> },
  { accessorKey: "title", header: "Title", cell: ({ getValue }) => getValue<string | null>() ?? "—" },
  { accessorKey: "managerName", id: "manager", header: "Manager", cell: ({ getValue }) => getValue<string | null>() ?? "—" },
  {
    accessorKey: "timezone",
    header: "Time zone",
    cell: ({ getValue }) => getValue<string | null>() ?? <span className="muted">Organization default</span>,
  },
  {
    accessorFn: (row) => (row.isActive ? "Active" : "Inactive"),
    id: "status",
    header: "Status",
    cell: ({ getValue }) => {
      const status = getValue<string>();
      return <span className={status === "Active" ? "badge badge--active" : "badge"}>{status}</span>;
    },
  },
];

type EmployeesTableProps = { rows: EmployeeRow[]; initialState: TableUrlState };

export function EmployeesTable({ rows, initialState }: EmployeesTableProps) {
  const [globalFilter, setGlobalFilter] = useState(initialState.q);
  const [sorting, setSorting] = useState<SortingState>(toSorting(initialState));
  const writeUrl = useTableUrlWriter();
  const sync = (q: string, next: SortingState) =>
    writeUrl({ q, sort: next[0]?.id ?? null, dir: next[0]?.desc ? "desc" : "asc" });

  // TanStack Table returns a new object each render by design; it is not memoizable.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    state: { globalFilter, sorting },
    onGlobalFilterChange: setGlobalFilter,
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      setSorting(next);
      sync(globalFilter, next);
    },
    globalFilterFn: "includesString",
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const shown = table.getRowModel().rows.length;

  return (
    <>
      <div className="table-toolbar">
        <div className="field">
          <label htmlFor="employee-search">Search employees</label>
          <input
            id="employee-search"
            type="search"
            value={globalFilter}
            placeholder="Name, email, title…"
            onChange={(event) => {
              setGlobalFilter(event.target.value);
              sync(event.target.value, sorting);
            }}
          />
        </div>
        <p className="muted" aria-live="polite">
          {shown === rows.length ? countLabel(rows.length) : `${shown} of ${countLabel(rows.length)}`}
        </p>
      </div>
      <DataTable table={table} caption="Employees" emptyMessage="No employees match." />
    </>
  );
}

function countLabel(n: number): string {
  return n === 1 ? "1 employee" : `${n} employees`;
}
