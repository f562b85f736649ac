// The drizzle declarations of both dialects, compared column by column: code above db/ is typed with
// the PostgreSQL ones and runs on either, so each column must carry the same logical kind and rules.
import { getTableColumns, is, type Column } from "drizzle-orm";
import { getTableConfig as getPgTableConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as getSqliteTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { withoutTenantKey, type SchemaShape } from "./shape";

export interface DeclaredColumn {
  name: string;
  /** drizzle's logical kind: "number", "boolean", "string", "json". */
  dataType: string;
  notNull: boolean;
  hasDefault: boolean;
  default: string | null;
  isPrimary: boolean;
  enumValues: string | null;
}

export interface DeclaredTable {
  name: string;
  /** By TypeScript key (what rows and inserts use). */
  columns: Record<string, DeclaredColumn>;
  indexes: string[];
  /** Column names of the primary key, declared on a column or for the table. */
  primaryKey: string[];
}

/** The tables a schema module exports, by export name. */
export function readDeclarations(schema: Record<string, unknown>): Record<string, DeclaredTable> {
  const out: Record<string, DeclaredTable> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (is(value, PgTable)) {
      const config = getPgTableConfig(value);
      const columns = describeColumns(getTableColumns(value));
      const primaryKey = config.primaryKeys[0]?.columns.map((c) => c.name) ?? primaryColumns(columns);
      out[key] = { name: config.name, columns, indexes: config.indexes.map((i) => i.config.name!), primaryKey };
    } else if (is(value, SQLiteTable)) {
      const config = getSqliteTableConfig(value);
      const columns = describeColumns(getTableColumns(value));
      const primaryKey = config.primaryKeys[0]?.columns.map((c) => c.name) ?? primaryColumns(columns);
      out[key] = { name: config.name, columns, indexes: config.indexes.map((i) => i.config.name), primaryKey };
    }
  }
  return out;
}

function describeColumns(columns: Record<string, Column>): Record<string, DeclaredColumn> {
  const out: Record<string, DeclaredColumn> = {};
  for (const [key, column] of Object.entries(columns)) {
    out[key] = {
      name: column.name,
      dataType: column.dataType,
      notNull: column.notNull,
      // drizzle marks every SQLite INTEGER PRIMARY KEY as defaulted (the rowid): only AUTOINCREMENT ones are generated ids.
      hasDefault: column.hasDefault && !(isSqliteRowid(column) && !(column as { autoIncrement?: boolean }).autoIncrement),
      default: column.default === undefined ? null : JSON.stringify(column.default),
      isPrimary: column.primary,
      enumValues: column.enumValues ? column.enumValues.join("|") : null,
    };
  }
  return out;
}

function primaryColumns(columns: Record<string, DeclaredColumn>): string[] {
  return Object.values(columns).filter((c) => c.isPrimary).map((c) => c.name);
}

function isSqliteRowid(column: Column): boolean {
  return column.columnType === "SQLiteInteger" && column.primary;
}

/** Every difference between the SQLite and PostgreSQL declarations; [] when they agree. */
export function compareDeclarations(sqlite: Record<string, DeclaredTable>, pg: Record<string, DeclaredTable>): string[] {
  const out: string[] = [];
  for (const key of [...new Set([...Object.keys(sqlite), ...Object.keys(pg)])].sort()) {
    const [s, p] = [sqlite[key], pg[key]];
    if (!s || !p) {
      out.push(`schema export ${key}: only in db/schema/${s ? "sqlite" : "pg"}`);
      continue;
    }
    if (s.name !== p.name) out.push(`schema export ${key}: table ${s.name} in sqlite, ${p.name} in pg`);
    for (const column of [...new Set([...Object.keys(s.columns), ...Object.keys(p.columns)])].sort()) {
      const [cs, cp] = [s.columns[column], p.columns[column]];
      if (!cs || !cp) {
        out.push(`${key}.${column}: declared only in db/schema/${cs ? "sqlite" : "pg"}`);
        continue;
      }
      // isPrimary is compared as the table's primary key below: a composite key marks no column primary.
      for (const field of ["name", "dataType", "notNull", "hasDefault", "default", "enumValues"] as const) {
        if (cs[field] !== cp[field]) out.push(`${key}.${column}: ${field} ${String(cs[field])} in sqlite, ${String(cp[field])} in pg`);
      }
    }
    // Modulo the documented difference (shape.ts withoutTenantKey): PostgreSQL's (organization_id, id) is SQLite's (id).
    const [keyS, keyP] = [withoutTenantKey(s.primaryKey).join(", "), withoutTenantKey(p.primaryKey).join(", ")];
    if (keyS !== keyP) out.push(`${key}: primary key [${keyS}] in sqlite, [${keyP}] in pg`);
    const [indexesS, indexesP] = [[...s.indexes].sort().join(", "), [...p.indexes].sort().join(", ")];
    if (indexesS !== indexesP) out.push(`${key}: indexes [${indexesS}] in sqlite, [${indexesP}] in pg`);
  }
  return out;
}

/**
 * Declared tables and columns missing from a migrated database, or there but not declared: a schema
 * change without its migration (`npm run db:generate -- --name <change>`).
 */
export function compareDeclarationsWithDatabase(declared: Record<string, DeclaredTable>, shape: SchemaShape): string[] {
  const out: string[] = [];
  const where = `the migrated ${shape.engine === "sqlite" ? "SQLite" : "PostgreSQL"} database`;
  const byName = new Map(Object.values(declared).map((table) => [table.name, table]));
  for (const name of [...new Set([...byName.keys(), ...Object.keys(shape.tables)])].sort()) {
    const [table, actual] = [byName.get(name), shape.tables[name]];
    if (!table || !actual) {
      out.push(table ? `table ${name}: declared, missing from ${where}` : `table ${name}: in ${where}, not declared`);
      continue;
    }
    const declaredColumns = new Set(Object.values(table.columns).map((c) => c.name));
    for (const column of declaredColumns) if (!actual.columns[column]) out.push(`column ${name}.${column}: declared, missing from ${where}`);
    for (const column of Object.keys(actual.columns)) if (!declaredColumns.has(column)) out.push(`column ${name}.${column}: in ${where}, not declared`);
    for (const index of table.indexes) if (!actual.indexes[index]) out.push(`index ${name}.${index}: declared, missing from ${where}`);
  }
  return out;
}
