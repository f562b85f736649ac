"use client";

import { flexRender, type Table } from "@tanstack/react-table";

/** `responsive`: under 640 px each row becomes a card, values labelled by their column's (string) header. */
type DataTableProps<T> = { table: Table<T>; caption: string; emptyMessage: string; responsive?: boolean };

/** Renders a TanStack table with sortable headers announced through aria-sort. */
export function DataTable<T>({ table, caption, emptyMessage, responsive }: DataTableProps<T>) {
  const rows = table.getRowModel().rows;
  return (
    <div className="table-wrap">
      <table className={responsive ? "responsive-table" : undefined}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        {label}
                        <span aria-hidden="true">{sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}</span>
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={table.getAllLeafColumns().length} className="muted">
                {emptyMessage}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} data-label={responsive ? columnLabel(cell.column.columnDef.header) : undefined}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

function columnLabel(header: unknown): string | undefined {
  return typeof header === "string" ? header : undefined;
}
