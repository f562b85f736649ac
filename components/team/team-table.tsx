"use client";

import {
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import type { TeamDayRow } from "@/lib/services/views/get-team-day";
import { buildTeamColumns } from "./team-columns";
import { writeTeamTableState, type TeamShow, type TeamTableState } from "./team-url-state";

const showLabels: Record<TeamShow, string> = {
  all: "Everyone",
  "with-calls": "With calls",
  "no-calls": "Without calls",
  "not-mapped": "Not mapped to Dialpad",
};

function matchesShow(row: TeamDayRow, show: TeamShow): boolean {
  const hasCalls = row.connectedCalls + row.missedCalls + row.voicemailsReceived + row.voicemailsLeft > 0 || row.talkMs > 0;
  if (show === "with-calls") return hasCalls;
  if (show === "no-calls") return !hasCalls;
  if (show === "not-mapped") return !row.isMapped;
  return true;
}

type TeamTableProps = { rows: TeamDayRow[]; dayKey: string; initialState: TeamTableState };

/** Sortable, filterable team day; sort, search and the "show" filter live in the URL. */
export function TeamTable({ rows, dayKey, initialState }: TeamTableProps) {
  const [q, setQ] = useState(initialState.q);
  const [show, setShow] = useState<TeamShow>(initialState.show);
  const [sorting, setSorting] = useState<SortingState>(
    initialState.sort ? [{ id: initialState.sort, desc: initialState.dir === "desc" }] : [],
  );
  const columns = useMemo(() => buildTeamColumns(dayKey), [dayKey]);
  const data = useMemo(() => rows.filter((row) => matchesShow(row, show)), [rows, show]);
  const sync = (next: Partial<{ q: string; show: TeamShow; sorting: SortingState }>) => {
    const nextSorting = next.sorting ?? sorting;
    writeTeamTableState({
      q: next.q ?? q,
      show: next.show ?? show,
      sort: (nextSorting[0]?.id as TeamTableState["sort"]) ?? null,
      dir: nextSorting[0]?.desc ? "desc" : "asc",
    });
  };

  // TanStack Table returns a new object each render by design; it is not memoizable.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    state: { globalFilter: q, sorting },
    onGlobalFilterChange: setQ,
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      setSorting(next);
      sync({ sorting: next });
    },
    globalFilterFn: (row, _columnId, filter: string) =>
      `${row.original.name} ${row.original.title ?? ""}`.toLowerCase().includes(filter.trim().toLowerCase()),
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const shown = table.getRowModel().rows.length;

  return (
    <>
      <div className="table-toolbar">
        <div className="field">
          <label htmlFor="team-search">Search people</label>
          <input
            id="team-search"
            type="search"
            value={q}
            placeholder="Name or title…"
            onChange={(event) => {
              setQ(event.target.value);
              sync({ q: event.target.value });
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="team-show">Show</label>
          <select
            id="team-show"
            value={show}
            onChange={(event) => {
              const next = event.target.value as TeamShow;
              setShow(next);
              sync({ show: next });
            }}
          >
            {Object.entries(showLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <p className="muted" aria-live="polite">
          {shown === rows.length ? countLabel(rows.length) : `${shown} of ${countLabel(rows.length)}`}
        </p>
      </div>
      <DataTable table={table} caption="Team day" emptyMessage="Nobody matches." />
    </>
  );
}

function countLabel(n: number): string {
  return n === 1 ? "1 person" : `${n} people`;
}
