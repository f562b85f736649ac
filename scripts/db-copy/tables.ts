// Which tables db:copy copies, and in what order: every table both schema modules declare, each after
// the tables its foreign keys point to, and the score queue last (see copy-database.ts).
import { getTableColumns, is, type Column } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import * as pgSchema from "@/db/schema/pg";
import * as sqliteSchema from "@/db/schema/sqlite";

export interface CopyTable {
  /** The SQL table name. */
  name: string;
  sqlite: SQLiteTable;
  pg: PgTable;
  /** The column rows are read in, a chunk at a time, as a TypeScript key: the primary key's only or last column. */
  primaryKey: string;
  /** Nullable columns referencing this same table (employees.manager_id): written in a second pass. */
  selfReferences: string[];
}

export const scoreQueueTable = "score_recompute_queue";

export function planCopy(): CopyTable[] {
  const sqliteTables = new Map<string, SQLiteTable>();
  for (const [key, value] of Object.entries(sqliteSchema)) if (is(value, SQLiteTable)) sqliteTables.set(key, value);
  const tables = new Map<string, CopyTable>();
  const dependsOn = new Map<string, Set<string>>();
  for (const [key, pg] of Object.entries(pgSchema)) {
    if (!is(pg, PgTable)) continue;
    const sqlite = sqliteTables.get(key);
    const config = getTableConfig(pg);
    if (!sqlite) throw new Error(`db/schema/sqlite does not export ${key} (${config.name}).`);
    const columns = getTableColumns(pg);
    // By name: the columns a table's extras name (composite keys and foreign keys) are not always getTableColumns' objects.
    const keyOf = (column: Column) => Object.entries(columns).find(([, c]) => c.name === column.name)![0];
    const primary = chunkKeyOf(Object.values(columns).filter((c) => c.primary), config.primaryKeys[0]?.columns ?? []);
    if (!primary) throw new Error(`${config.name} needs a single-column or (organization_id, x) primary key to be copied in chunks.`);
    const selfReferences: string[] = [];
    const targets = new Set<string>();
    for (const foreignKey of config.foreignKeys) {
      const reference = foreignKey.reference();
      const target = getTableConfig(reference.foreignTable).name;
      if (target !== config.name) {
        targets.add(target);
        continue;
      }
      for (const column of reference.columns) {
        // A composite tenant key's organization_id is the row's own: it is written in the first pass.
        if (column.name === "organization_id") continue;
        if (column.notNull) throw new Error(`${config.name}.${column.name} references its own table and is NOT NULL: copy it in one pass.`);
        selfReferences.push(keyOf(column));
      }
    }
    tables.set(config.name, {
      name: config.name,
      sqlite,
      pg,
      primaryKey: keyOf(primary),
      selfReferences,
    });
    dependsOn.set(config.name, targets);
  }
  const ordered = orderByDependencies(dependsOn).map((name) => tables.get(name)!);
  return [...ordered.filter((t) => t.name !== scoreQueueTable), ...ordered.filter((t) => t.name === scoreQueueTable)];
}

/**
 * A tenant table's PostgreSQL key is (organization_id, x) (docs/scaling.md) and x is unique by itself (an
 * identity, or a hash), as SQLite's key for the same table is: chunks follow x.
 */
function chunkKeyOf(primaryColumns: Column[], compositeKey: Column[]): Column | undefined {
  if (primaryColumns.length === 1) return primaryColumns[0];
  if (compositeKey.length === 2 && compositeKey[0]!.name === "organization_id") return compositeKey[1];
  return undefined;
}

/** Tables before the tables that reference them; ties by name, so the order is stable. */
function orderByDependencies(dependsOn: Map<string, Set<string>>): string[] {
  const done = new Set<string>();
  const order: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (done.has(name)) return;
    if (path.includes(name)) throw new Error(`Foreign keys form a cycle: ${[...path, name].join(" → ")}.`);
    for (const target of [...(dependsOn.get(name) ?? [])].sort()) visit(target, [...path, name]);
    done.add(name);
    order.push(name);
  };
  for (const name of [...dependsOn.keys()].sort()) visit(name, []);
  return order;
}
