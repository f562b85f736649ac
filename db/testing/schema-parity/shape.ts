// The engine-neutral shape of a migrated database, read back from each engine's catalog
// (introspect-sqlite.ts, introspect-postgres.ts), and the comparison that reports every difference.
import type { DatabaseEngine } from "../../engine";

export interface ColumnShape {
  /** The declared type as the engine reports it ("INTEGER", "bigint", "jsonb"). */
  type: string;
  notNull: boolean;
  /** normalizeSqlExpression of the default, or null. */
  default: string | null;
  /** SQLite INTEGER PRIMARY KEY AUTOINCREMENT; PostgreSQL identity (or serial). */
  isGeneratedId: boolean;
}

export interface IndexShape {
  /** Column names (or expressions) in key order; " desc" appended to descending keys. */
  columns: string[];
  isUnique: boolean;
  /** normalizeSqlExpression of the partial-index predicate, or null. */
  where: string | null;
}

export interface TableShape {
  columns: Record<string, ColumnShape>;
  primaryKey: string[];
  /** Every index but the primary key's, by name (UNIQUE constraints included: SQLite declares them as indexes). */
  indexes: Record<string, IndexShape>;
  /** By referencing columns ("a,b"): "table(cols) on delete … on update …". */
  foreignKeys: Record<string, string>;
  /** Named CHECK constraints (names only: the dialects spell the same condition differently). */
  checks: string[];
}

export interface SchemaShape {
  engine: DatabaseEngine;
  tables: Record<string, TableShape>;
  /** "table.name: AFTER INSERT" per trigger and event. */
  triggers: string[];
}

/** Migration bookkeeping, not Daymark's schema. */
export const ignoredTables = new Set(["__drizzle_migrations", "sqlite_sequence"]);

const engineName: Record<DatabaseEngine, string> = { sqlite: "SQLite", postgres: "PostgreSQL" };

/**
 * The type family a column's values travel as: SQLite integer ↔ PostgreSQL integer/bigint/boolean,
 * SQLite text ↔ PostgreSQL text/jsonb. Anything else is its own family, so it always differs.
 */
export function typeFamily(type: string): string {
  const t = type.toLowerCase();
  if (["integer", "int", "bigint", "smallint", "boolean"].includes(t)) return "integer";
  if (["text", "jsonb", "json"].includes(t)) return "text";
  return t;
}

const casts = /::(?:character varying|double precision|timestamp with(?:out)? time zone|[a-z_][a-z0-9_]*)(?:\[\])?/g;

/**
 * Makes a predicate or default comparable across engines: lower case; casts, quotes and parentheses
 * stripped; booleans as 0/1 (SQLite's `is_claimed = 0` ≡ PostgreSQL's `(is_claimed = false)`).
 */
export function normalizeSqlExpression(text: string | null): string | null {
  if (text === null) return null;
  return text
    .toLowerCase()
    .replace(casts, "")
    .replace(/["`()]/g, "")
    .replace(/\btrue\b/g, "1")
    .replace(/\bfalse\b/g, "0")
    .replace(/\s+/g, " ")
    .trim();
}

/** Every difference between the two schemas, one readable line each; [] when they agree. */
export function compareSchemas(a: SchemaShape, b: SchemaShape): string[] {
  const [nameA, nameB] = [engineName[a.engine], engineName[b.engine]];
  const out: string[] = [];
  for (const table of union(a.tables, b.tables)) {
    const [ta, tb] = [a.tables[table], b.tables[table]];
    if (!ta || !tb) {
      out.push(`table ${table}: only on ${ta ? nameA : nameB}`);
      continue;
    }
    for (const column of union(ta.columns, tb.columns)) {
      const [ca, cb] = [ta.columns[column], tb.columns[column]];
      const where = `${table}.${column}`;
      if (!ca || !cb) {
        out.push(`column ${where}: only on ${ca ? nameA : nameB}`);
        continue;
      }
      if (typeFamily(ca.type) !== typeFamily(cb.type)) out.push(`column ${where}: type ${ca.type} on ${nameA}, ${cb.type} on ${nameB}`);
      differ(out, `column ${where}: not null`, ca.notNull, cb.notNull, nameA, nameB);
      differ(out, `column ${where}: default`, ca.default, cb.default, nameA, nameB);
      differ(out, `column ${where}: generated id`, ca.isGeneratedId, cb.isGeneratedId, nameA, nameB);
    }
    differ(out, `table ${table}: primary key`, withoutTenantKey(ta.primaryKey).join(","), withoutTenantKey(tb.primaryKey).join(","), nameA, nameB);
    for (const index of union(ta.indexes, tb.indexes)) {
      const [ia, ib] = [ta.indexes[index], tb.indexes[index]];
      if (!ia || !ib) {
        out.push(`index ${table}.${index}: only on ${ia ? nameA : nameB}`);
        continue;
      }
      differ(out, `index ${table}.${index}: columns`, ia.columns.join(", "), ib.columns.join(", "), nameA, nameB);
      differ(out, `index ${table}.${index}: unique`, ia.isUnique, ib.isUnique, nameA, nameB);
      differ(out, `index ${table}.${index}: where`, ia.where, ib.where, nameA, nameB);
    }
    const [checksA, checksB] = [new Set(ta.checks), new Set(tb.checks)];
    for (const check of ta.checks) if (!checksB.has(check)) out.push(`check ${table}.${check}: only on ${nameA}`);
    for (const check of tb.checks) if (!checksA.has(check)) out.push(`check ${table}.${check}: only on ${nameB}`);
    const [foreignKeysA, foreignKeysB] = [withoutTenantForeignKeys(ta.foreignKeys), withoutTenantForeignKeys(tb.foreignKeys)];
    for (const columns of union(foreignKeysA, foreignKeysB)) {
      differ(out, `foreign key ${table}(${columns}):`, foreignKeysA[columns] ?? null, foreignKeysB[columns] ?? null, nameA, nameB);
    }
  }
  const [triggersA, triggersB] = [new Set(a.triggers), new Set(b.triggers)];
  for (const trigger of a.triggers) if (!triggersB.has(trigger)) out.push(`trigger ${trigger}: only on ${nameA}`);
  for (const trigger of b.triggers) if (!triggersA.has(trigger)) out.push(`trigger ${trigger}: only on ${nameB}`);
  return out;
}

// The one documented difference between the engines (docs/scaling.md): PostgreSQL keys a tenant table by
// (organization_id, id), so Citus can distribute it by organization_id, and its foreign keys between tenant
// tables name both columns. SQLite's id is its rowid, which cannot be part of a composite key: there the
// key is (id), and foreign keys name id alone. db/tenant-keys.test.ts checks the PostgreSQL side by itself.

/** A primary key with a leading organization_id dropped: (organization_id, x) → (x). */
export function withoutTenantKey(columns: string[]): string[] {
  return columns.length > 1 && columns[0] === "organization_id" ? columns.slice(1) : columns;
}

/** Foreign keys with a leading organization_id dropped from both ends: (organization_id, x) → t(organization_id, id) reads x → t(id). */
export function withoutTenantForeignKeys(foreignKeys: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [columns, target] of Object.entries(foreignKeys)) {
    const tenant = /^organization_id,(.+)$/.exec(columns);
    out[tenant ? tenant[1]! : columns] = tenant ? target.replace(/\(organization_id,/, "(") : target;
  }
  return out;
}

// Instants are epoch milliseconds: a 32-bit PostgreSQL integer overflows in January 1970.
const epochColumnName = /(_at|_ms|_until|_timestamp)$|^(range_start|range_end|window_end|active_since)$/;

/** Epoch-millisecond columns (by name) that are not bigint on PostgreSQL. */
export function findNarrowEpochColumns(shape: SchemaShape): string[] {
  const out: string[] = [];
  for (const [table, { columns }] of Object.entries(shape.tables)) {
    for (const [column, { type }] of Object.entries(columns)) {
      if (epochColumnName.test(column) && type.toLowerCase() !== "bigint") out.push(`column ${table}.${column}: ${type}, expected bigint for epoch milliseconds`);
    }
  }
  return out;
}

function differ<T>(out: string[], what: string, a: T, b: T, nameA: string, nameB: string): void {
  if (a !== b) out.push(`${what} ${show(a)} on ${nameA}, ${show(b)} on ${nameB}`);
}

function show(value: unknown): string {
  return value === null ? "none" : value === "" ? '""' : String(value);
}

function union(a: object, b: object): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}
