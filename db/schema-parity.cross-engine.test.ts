// Both engines' migrations, applied to empty databases, must build the same schema (modulo dialect),
// and both dialects' drizzle declarations must agree with each other and with their migrations.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { closeDatabase, openDatabase } from "./client";
import { executeSql } from "./engines/raw";
import { getSqliteHandle } from "./engines/sqlite";
import { migrateDatabase } from "./migrate";
import * as pgSchema from "./schema/pg";
import * as sqliteSchema from "./schema/sqlite";
import { createScratchPostgresDatabase, createScratchSqliteFile, type ScratchDatabase } from "./testing/scratch-databases";
import { compareDeclarations, compareDeclarationsWithDatabase, readDeclarations } from "./testing/schema-parity/declarations";
import { introspectPostgres } from "./testing/schema-parity/introspect-postgres";
import { introspectSqlite } from "./testing/schema-parity/introspect-sqlite";
import { compareSchemas, findNarrowEpochColumns, normalizeSqlExpression, type SchemaShape } from "./testing/schema-parity/shape";

let sqliteShape: SchemaShape;
let postgresShape: SchemaShape;
const scratch: ScratchDatabase[] = [];

beforeAll(async () => {
  const sqliteFile = createScratchSqliteFile();
  const postgres = await createScratchPostgresDatabase();
  scratch.push(sqliteFile, postgres);
  const sqliteDb = openDatabase(sqliteFile.url);
  const postgresDb = openDatabase(postgres.url);
  try {
    await migrateDatabase(sqliteDb);
    await migrateDatabase(postgresDb);
    sqliteShape = introspectSqlite(getSqliteHandle(sqliteDb));
    postgresShape = await introspectPostgres(postgresDb);
  } finally {
    await closeDatabase(sqliteDb);
    await closeDatabase(postgresDb);
  }
}, 60_000);

afterAll(async () => {
  for (const database of scratch) await database.dispose();
}, 60_000);

describe("schema parity between SQLite and PostgreSQL", () => {
  it("migrates both engines to the same tables, columns, keys, indexes and triggers", () => {
    expect(Object.keys(sqliteShape.tables).length).toBeGreaterThan(15);
    expect(compareSchemas(sqliteShape, postgresShape)).toEqual([]);
  });

  it("stores every epoch-millisecond column as bigint on PostgreSQL", () => {
    expect(postgresShape.tables.calls?.columns.started_at?.type).toBe("bigint");
    expect(findNarrowEpochColumns(postgresShape)).toEqual([]);
  });

  it("declares the same logical column kinds, nullability and defaults in both drizzle schemas", () => {
    expect(compareDeclarations(readDeclarations(sqliteSchema), readDeclarations(pgSchema))).toEqual([]);
  });

  it("has a migration for every declared table, column and index on each engine", () => {
    expect(compareDeclarationsWithDatabase(readDeclarations(sqliteSchema), sqliteShape)).toEqual([]);
    expect(compareDeclarationsWithDatabase(readDeclarations(pgSchema), postgresShape)).toEqual([]);
  });

  it("differs only where SQLite cannot follow: PostgreSQL keys tenant tables by (organization_id, id), SQLite by its rowid", () => {
    expect(postgresShape.tables.calls!.primaryKey).toEqual(["organization_id", "id"]);
    expect(sqliteShape.tables.calls!.primaryKey).toEqual(["id"]);
    expect(postgresShape.tables.call_day_entries!.foreignKeys).toEqual({
      organization_id: "organizations(id) on delete cascade on update no action",
      "organization_id,employee_id": "employees(organization_id,id) on delete cascade on update no action",
    });
    expect(sqliteShape.tables.call_day_entries!.foreignKeys).toEqual({
      organization_id: "organizations(id) on delete cascade on update no action",
      employee_id: "employees(id) on delete cascade on update no action",
    });
    // Keys SQLite can make composite are the same on both.
    expect(sqliteShape.tables.oauth_states!.primaryKey).toEqual(["organization_id", "state_hash"]);
    expect(postgresShape.tables.oauth_states!.primaryKey).toEqual(["organization_id", "state_hash"]);
  });

  it("keeps call-day entries free of any key or index by call alone (issue 17: written in employee-day order)", () => {
    for (const shape of [sqliteShape, postgresShape]) {
      expect(Object.keys(shape.tables.call_day_entries!.indexes)).toEqual(["call_day_entries_uq"]);
      expect(shape.tables.call_day_entries!.indexes.call_day_entries_uq!.columns).toEqual(["organization_id", "employee_id", "day_key", "call_id"]);
    }
  });

  it("keeps the score-queue triggers on calls on both engines", () => {
    for (const event of ["insert", "update", "delete"]) {
      expect(postgresShape.triggers).toContain(`calls.calls_score_queue_${event}: AFTER ${event.toUpperCase()}`);
    }
  });
});

// The comparison itself: each kind of drift it exists to catch is reported, with a readable line.
describe("compareSchemas", () => {
  const altered = (change: (shape: SchemaShape) => void): SchemaShape => {
    const copy = structuredClone(postgresShape);
    change(copy);
    return copy;
  };

  it("reports an index missing on one engine", () => {
    const withoutIndex = altered((shape) => delete shape.tables.calls!.indexes.calls_org_updated_idx);
    expect(compareSchemas(sqliteShape, withoutIndex)).toEqual(["index calls.calls_org_updated_idx: only on SQLite"]);
  });

  it("reports a different partial-index predicate, column type, nullability, check, foreign-key action and trigger", () => {
    const drifted = altered((shape) => {
      shape.tables.score_recompute_queue!.indexes.score_recompute_queue_calls_idx!.where = normalizeSqlExpression("(kind = 'calls'::text) AND (is_claimed = true)");
      shape.tables.calls!.columns.raw!.type = "bytea";
      shape.tables.calls!.columns.state!.notNull = false;
      shape.tables.calls!.checks.push("calls_duration_not_negative");
      shape.tables.calls!.foreignKeys.organization_id = "organizations(id) on delete no action on update no action";
      shape.triggers = shape.triggers.filter((t) => !t.startsWith("calls.calls_score_queue_delete"));
    });
    expect(compareSchemas(sqliteShape, drifted)).toEqual([
      "column calls.raw: type TEXT on SQLite, bytea on PostgreSQL",
      "column calls.state: not null true on SQLite, false on PostgreSQL",
      "check calls.calls_duration_not_negative: only on PostgreSQL",
      "foreign key calls(organization_id): organizations(id) on delete cascade on update no action on SQLite, organizations(id) on delete no action on update no action on PostgreSQL",
      "index score_recompute_queue.score_recompute_queue_calls_idx: where kind = 'calls' and is_claimed = 0 on SQLite, kind = 'calls' and is_claimed = 1 on PostgreSQL",
      "trigger calls.calls_score_queue_delete: AFTER DELETE: only on SQLite",
    ]);
  });

  it("reports a primary key or foreign key that differs beyond the leading organization_id", () => {
    const drifted = altered((shape) => {
      shape.tables.calls!.primaryKey = ["organization_id", "dialpad_call_id"];
      shape.tables.call_day_entries!.foreignKeys["organization_id,employee_id"] = "employees(organization_id,id) on delete no action on update no action";
    });
    expect(compareSchemas(sqliteShape, drifted)).toEqual([
      "foreign key call_day_entries(employee_id): employees(id) on delete cascade on update no action on SQLite, employees(id) on delete no action on update no action on PostgreSQL",
      "table calls: primary key id on SQLite, dialpad_call_id on PostgreSQL",
    ]);
  });

  it("treats SQLite 0/1 and PostgreSQL false/true predicates as equal, quoting and casts aside", () => {
    expect(normalizeSqlExpression("((kind = 'calls'::text) AND (\"is_claimed\" = false))")).toBe(normalizeSqlExpression("kind = 'calls' AND `is_claimed` = 0"));
  });

  it("reports an epoch-millisecond column that is a 32-bit integer on PostgreSQL", () => {
    const narrow = altered((shape) => (shape.tables.calls!.columns.ended_at!.type = "integer"));
    expect(findNarrowEpochColumns(narrow)).toEqual(["column calls.ended_at: integer, expected bigint for epoch milliseconds"]);
  });

  it("reports drizzle declarations whose logical kinds differ", () => {
    const pg = readDeclarations(pgSchema);
    pg.calls!.columns.isInternal!.dataType = "number";
    delete pg.dailyScores!.columns.breakdown;
    expect(compareDeclarations(readDeclarations(sqliteSchema), pg)).toEqual([
      "calls.isInternal: dataType boolean in sqlite, number in pg",
      "dailyScores.breakdown: declared only in db/schema/sqlite",
    ]);
  });
});

// The introspection itself, on a small schema written by hand for each engine.
describe("introspectSqlite and introspectPostgres", () => {
  const expectedChild = {
    primaryKey: [],
    indexes: { child_open_idx: { columns: ["parent_id", "seen_at desc"], isUnique: false, where: "is_open = 1" } },
    foreignKeys: { parent_id: "parent(id) on delete set null on update no action" },
    checks: ["child_seen_positive"],
  };

  it("read columns, keys, checks, descending and partial indexes, foreign keys and triggers alike", async () => {
    const sqlite = new Database(":memory:");
    sqlite.exec(`
      CREATE TABLE parent (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, code text DEFAULT 'x' NOT NULL);
      CREATE TABLE child (
        parent_id integer NOT NULL REFERENCES parent(id) ON DELETE SET NULL,
        seen_at integer, is_open integer DEFAULT false NOT NULL,
        CONSTRAINT child_seen_positive CHECK (seen_at > 0)
      );
      CREATE INDEX child_open_idx ON child (parent_id, seen_at DESC) WHERE is_open = 1;
      CREATE TRIGGER child_touch AFTER UPDATE ON child BEGIN SELECT 1; END;`);
    const fromSqlite = introspectSqlite(sqlite);
    sqlite.close();

    const postgres = await createScratchPostgresDatabase();
    scratch.push(postgres);
    const db = openDatabase(postgres.url);
    try {
      await executeSql(db, sql.raw(`
        CREATE TABLE parent (id integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, code text DEFAULT 'x' NOT NULL);
        CREATE TABLE child (
          parent_id integer NOT NULL REFERENCES parent(id) ON DELETE SET NULL,
          seen_at bigint, is_open boolean DEFAULT false NOT NULL,
          CONSTRAINT child_seen_positive CHECK (seen_at > 0)
        );
        CREATE INDEX child_open_idx ON child (parent_id, seen_at DESC) WHERE is_open = true;
        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END; $$;
        CREATE TRIGGER child_touch AFTER UPDATE ON child FOR EACH ROW EXECUTE FUNCTION touch();`));
      const fromPostgres = await introspectPostgres(db);
      expect(fromSqlite.tables.parent!.columns.id).toEqual({ type: "INTEGER", notNull: true, default: null, isGeneratedId: true });
      expect(fromPostgres.tables.parent!.columns.code).toEqual({ type: "text", notNull: true, default: "'x'", isGeneratedId: false });
      expect(fromPostgres.tables.child!.columns.is_open).toEqual({ type: "boolean", notNull: true, default: "0", isGeneratedId: false });
      expect(fromSqlite.tables.child).toMatchObject(expectedChild);
      expect(fromPostgres.tables.child).toMatchObject(expectedChild);
      expect(fromPostgres.triggers).toEqual(["child.child_touch: AFTER UPDATE"]);
      expect(compareSchemas(fromSqlite, fromPostgres)).toEqual([]);
    } finally {
      await closeDatabase(db);
    }
  }, 60_000);
});
