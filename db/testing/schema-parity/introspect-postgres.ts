// Reads a PostgreSQL database's schema (current schema only) back from information_schema and pg_catalog.
import { sql } from "drizzle-orm";
import type { Db } from "../../client";
import { queryRows } from "../../engines/raw";
import { ignoredTables, normalizeSqlExpression, type SchemaShape, type TableShape } from "./shape";

const deleteActions: Record<string, string> = { a: "no action", r: "restrict", c: "cascade", n: "set null", d: "set default" };

export async function introspectPostgres(db: Db): Promise<SchemaShape> {
  const tables: Record<string, TableShape> = {};
  const tableOf = (name: string) => (tables[name] ??= { columns: {}, primaryKey: [], indexes: {}, foreignKeys: {}, checks: [] });

  const columns = await queryRows<{ table: string; column: string; type: string; nullable: string; default: string | null; identity: string }>(db, sql`
    SELECT c.table_name AS "table", c.column_name AS "column", c.data_type AS "type", c.is_nullable AS "nullable",
      c.column_default AS "default", c.is_identity AS "identity"
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name, c.ordinal_position`);
  for (const c of columns) {
    if (ignoredTables.has(c.table)) continue;
    const isSerial = c.default?.startsWith("nextval(") ?? false;
    tableOf(c.table).columns[c.column] = {
      type: c.type,
      notNull: c.nullable === "NO",
      default: isSerial ? null : normalizeSqlExpression(c.default),
      isGeneratedId: c.identity === "YES" || isSerial,
    };
  }

  const constraints = await queryRows<{ table: string; name: string; kind: string; columns: string[]; target: string | null; targetColumns: string[]; onDelete: string; onUpdate: string }>(db, sql`
    SELECT cl.relname AS "table", con.conname AS "name", con.contype AS "kind",
      array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
        JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i) AS "columns",
      ft.relname AS "target",
      array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
        JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i) AS "targetColumns",
      con.confdeltype AS "onDelete", con.confupdtype AS "onUpdate"
    FROM pg_constraint con
    JOIN pg_class cl ON cl.oid = con.conrelid
    JOIN pg_namespace ns ON ns.oid = cl.relnamespace
    LEFT JOIN pg_class ft ON ft.oid = con.confrelid
    WHERE ns.nspname = current_schema() AND con.contype IN ('p', 'f', 'c')
    ORDER BY con.conname`);
  for (const c of constraints) {
    if (ignoredTables.has(c.table)) continue;
    if (c.kind === "p") tableOf(c.table).primaryKey = c.columns;
    else if (c.kind === "c") tableOf(c.table).checks.push(c.name);
    else {
      tableOf(c.table).foreignKeys[c.columns.join(",")] =
        `${c.target}(${c.targetColumns.join(",")}) on delete ${deleteActions[c.onDelete]} on update ${deleteActions[c.onUpdate]}`;
    }
  }

  const indexes = await queryRows<{ table: string; name: string; isUnique: boolean; where: string | null; columns: string[] }>(db, sql`
    SELECT t.relname AS "table", i.relname AS "name", ix.indisunique AS "isUnique",
      pg_get_expr(ix.indpred, ix.indrelid) AS "where",
      array(SELECT pg_get_indexdef(ix.indexrelid, k, true) || CASE WHEN ix.indoption[k - 1] & 1 = 1 THEN ' desc' ELSE '' END
        FROM generate_series(1, ix.indnkeyatts) k ORDER BY k) AS "columns"
    FROM pg_index ix
    JOIN pg_class i ON i.oid = ix.indexrelid
    JOIN pg_class t ON t.oid = ix.indrelid
    JOIN pg_namespace ns ON ns.oid = t.relnamespace
    WHERE ns.nspname = current_schema() AND NOT ix.indisprimary`);
  for (const index of indexes) {
    if (ignoredTables.has(index.table)) continue;
    tableOf(index.table).indexes[index.name] = {
      columns: index.columns.map((column) => column.replace(/"/g, "")),
      isUnique: index.isUnique,
      where: normalizeSqlExpression(index.where),
    };
  }

  const triggers = await queryRows<{ table: string; name: string; timing: string; event: string }>(db, sql`
    SELECT event_object_table AS "table", trigger_name AS "name", action_timing AS "timing", event_manipulation AS "event"
    FROM information_schema.triggers WHERE trigger_schema = current_schema()`);
  return {
    engine: "postgres",
    tables,
    triggers: triggers.map((t) => `${t.table}.${t.name}: ${t.timing} ${t.event}`).sort(),
  };
}
