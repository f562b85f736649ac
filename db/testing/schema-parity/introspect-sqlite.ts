// Reads a SQLite database's schema back from sqlite_master and the table/index/foreign-key pragmas.
import type Database from "better-sqlite3";
import { ignoredTables, normalizeSqlExpression, type SchemaShape, type TableShape } from "./shape";

interface ColumnInfo { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }
interface IndexListEntry { name: string; unique: number; origin: string; partial: number }
interface IndexColumn { name: string | null; desc: number; key: number }
interface ForeignKeyEntry { id: number; seq: number; table: string; from: string; to: string | null; on_update: string; on_delete: string }

export function introspectSqlite(sqlite: Database.Database): SchemaShape {
  const objects = sqlite
    .prepare("SELECT type, name, tbl_name AS tableName, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
    .all() as { type: string; name: string; tableName: string; sql: string }[];
  const indexSql = new Map(objects.filter((o) => o.type === "index").map((o) => [o.name, o.sql]));
  const tables: Record<string, TableShape> = {};
  for (const { name, sql } of objects) {
    if (isOwnTable(name) && objects.some((o) => o.type === "table" && o.name === name)) tables[name] = readTable(sqlite, name, sql, indexSql);
  }
  const triggers = objects
    .filter((o) => o.type === "trigger")
    .map((o) => {
      const event = /\b(BEFORE|AFTER|INSTEAD\s+OF)\s+(INSERT|UPDATE|DELETE)\b/i.exec(o.sql);
      return `${o.tableName}.${o.name}: ${event ? `${event[1]!.toUpperCase()} ${event[2]!.toUpperCase()}` : "?"}`;
    })
    .sort();
  return { engine: "sqlite", tables, triggers };
}

function isOwnTable(name: string): boolean {
  return !ignoredTables.has(name) && !name.startsWith("sqlite_");
}

function readTable(sqlite: Database.Database, table: string, createSql: string, indexSql: Map<string, string>): TableShape {
  const info = sqlite.pragma(`table_info(${quote(table)})`) as ColumnInfo[];
  const primaryKey = primaryKeyOf(sqlite, table);
  const hasAutoincrement = /\bAUTOINCREMENT\b/i.test(createSql);
  const columns: TableShape["columns"] = {};
  for (const c of info) {
    // INTEGER PRIMARY KEY is the rowid: never null whatever it declares.
    const isRowid = primaryKey.length === 1 && c.pk === 1 && c.type.toUpperCase() === "INTEGER";
    columns[c.name] = {
      type: c.type,
      notNull: c.notnull === 1 || isRowid,
      default: normalizeSqlExpression(c.dflt_value),
      isGeneratedId: isRowid && hasAutoincrement,
    };
  }
  const indexes: TableShape["indexes"] = {};
  for (const index of sqlite.pragma(`index_list(${quote(table)})`) as IndexListEntry[]) {
    if (index.origin === "pk") continue;
    const keys = (sqlite.pragma(`index_xinfo(${quote(index.name)})`) as IndexColumn[]).filter((k) => k.key === 1);
    const where = index.partial ? (/\bWHERE\b([\s\S]*)$/i.exec(indexSql.get(index.name) ?? "")?.[1] ?? "?") : null;
    indexes[index.name] = {
      columns: keys.map((k) => `${k.name ?? "<expression>"}${k.desc ? " desc" : ""}`),
      isUnique: index.unique === 1,
      where: normalizeSqlExpression(where),
    };
  }
  const checks = [...createSql.matchAll(/\bCONSTRAINT\s+[`"]?(\w+)[`"]?\s+CHECK\b/gi)].map((m) => m[1]!).sort();
  return { columns, primaryKey, indexes, foreignKeys: readForeignKeys(sqlite, table), checks };
}

function primaryKeyOf(sqlite: Database.Database, table: string): string[] {
  const info = sqlite.pragma(`table_info(${quote(table)})`) as ColumnInfo[];
  return info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
}

function readForeignKeys(sqlite: Database.Database, table: string): TableShape["foreignKeys"] {
  const byId = new Map<number, ForeignKeyEntry[]>();
  for (const entry of sqlite.pragma(`foreign_key_list(${quote(table)})`) as ForeignKeyEntry[]) {
    byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry]);
  }
  const foreignKeys: TableShape["foreignKeys"] = {};
  for (const parts of byId.values()) {
    parts.sort((a, b) => a.seq - b.seq);
    const first = parts[0]!;
    // `REFERENCES t` without columns means t's primary key.
    const to = parts.every((p) => p.to !== null) ? parts.map((p) => p.to).join(",") : primaryKeyOf(sqlite, first.table).join(",");
    foreignKeys[parts.map((p) => p.from).join(",")] =
      `${first.table}(${to}) on delete ${first.on_delete.toLowerCase()} on update ${first.on_update.toLowerCase()}`;
  }
  return foreignKeys;
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
