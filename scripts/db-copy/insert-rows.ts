// One INSERT … SELECT * FROM unnest($1::type[], …) per chunk: a parameter per column however many rows,
// and no per-row SQL to build (drizzle's values() takes about a second to render 1,000 rows of calls).
import { getTableColumns, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { executeSql } from "@/db/engines/raw";
import type { CopyTable } from "./tables";

export async function insertRows(tx: Db, table: CopyTable, rows: readonly Record<string, unknown>[]): Promise<void> {
  const columns = Object.entries(getTableColumns(table.pg));
  const columnList = sql.raw(columns.map(([, column]) => `"${column.name}"`).join(", "));
  const arrays = columns.map(([key, column]) => {
    // As drizzle would send them (jsonb as JSON text), so each array element is a scalar.
    const values = rows.map((row) => toTargetValue(column.getSQLType(), row[key] === undefined ? null : column.mapToDriverValue(row[key])));
    return sql`${sql.param(values)}::${sql.raw(column.getSQLType())}[]`;
  });
  await executeSql(tx, sql`INSERT INTO ${sql.identifier(table.name)} (${columnList}) SELECT * FROM unnest(${sql.join(arrays, sql`, `)})`);
}

/**
 * SQLite keeps whatever number it was given in an integer column (older installs stored Dialpad's
 * fractional call durations, 201732.709 ms); PostgreSQL's integer types refuse a fraction: round it.
 */
export function toTargetValue(sqlType: string, value: unknown): unknown {
  if (value === null) return null;
  if ((sqlType === "integer" || sqlType === "bigint") && typeof value === "number" && !Number.isInteger(value)) return Math.round(value);
  return value;
}
