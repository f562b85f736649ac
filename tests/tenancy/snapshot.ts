import { asc, eq, getTableColumns, getTableName, isTable, type Column } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";

// Db is typed with the PostgreSQL builders (db/README.md); the SQLite tables behave the same when awaited.
type AnyTable = PgTable;

/**
 * Every row the organization owns, table by table, found by introspecting the schema: a table added
 * later is covered without a change here. organizations itself is matched by id; sign_in_throttles
 * (keyed by email and address, owned by no organization) is the one table without organization_id.
 */
export async function snapshotOrganization(db: Db, organizationId: number): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of Object.values(schema).filter(isTable) as unknown as AnyTable[]) {
    const columns = getTableColumns(table) as Record<string, Column>;
    const owner = columns.organizationId ?? (getTableName(table) === "organizations" ? columns.id : undefined);
    if (!owner) continue;
    const order = Object.values(columns).filter((column) => column.primary || column.name === "id");
    const rows = await db
      .select()
      .from(table)
      .where(eq(owner, organizationId))
      .orderBy(...(order.length > 0 ? order : Object.values(columns)).map((column) => asc(column)));
    snapshot[getTableName(table)] = rows;
  }
  return snapshot;
}

/** The tables without an owning organization, so a test can say which ones it did not compare. */
export function listUnownedTables(): string[] {
  return (Object.values(schema).filter(isTable) as unknown as AnyTable[])
    .filter((table) => !("organizationId" in getTableColumns(table)) && getTableName(table) !== "organizations")
    .map((table) => getTableName(table));
}
