// Every tenant table could be distributed by organization_id without query changes: read back from the
// live, migrated schema of the engine under test (PRAGMA on SQLite, pg_catalog on PostgreSQL).
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/tests/db";
import type { Db } from "./client";
import { getActiveEngine } from "./engine";
import { getSqliteHandle } from "./engines/sqlite";
import { introspectPostgres } from "./testing/schema-parity/introspect-postgres";
import { introspectSqlite } from "./testing/schema-parity/introspect-sqlite";
import type { SchemaShape } from "./testing/schema-parity/shape";
import { findTenantKeyProblems, globalTables } from "./testing/tenant-keys";

let shape: SchemaShape;

beforeAll(async () => {
  const db: Db = await createTestDb();
  shape = db.$engine === "postgres" ? await introspectPostgres(db) : introspectSqlite(getSqliteHandle(db));
}, 60_000);

describe("tenant keys", () => {
  it("every tenant table has organization_id leading its primary key and unique indexes", () => {
    expect(Object.keys(shape.tables).length).toBeGreaterThan(15);
    expect(findTenantKeyProblems(shape)).toEqual([]);
  });

  it("keeps the global tables to the allow-list, each of them present", () => {
    expect(Object.keys(globalTables).filter((name) => !shape.tables[name])).toEqual([]);
    expect(Object.keys(globalTables).sort()).toEqual(
      ["organizations", "password_reset_tokens", "sign_in_throttles", "sync_settings", "user_sessions", "users"],
    );
  });

  it.runIf(getActiveEngine() === "postgres")("on PostgreSQL, keys tenant tables by (organization_id, id) with composite foreign keys between them", () => {
    expect(shape.tables.calls!.primaryKey).toEqual(["organization_id", "id"]);
    expect(shape.tables.daily_scores!.foreignKeys["organization_id,employee_id"]).toBe(
      "employees(organization_id,id) on delete cascade on update no action",
    );
  });

  it("reports a tenant table without organization_id, and keys that do not lead with it", () => {
    const broken = structuredClone(shape);
    delete broken.tables.webhook_inbox!.columns.organization_id;
    broken.tables.daily_scores!.indexes.daily_scores_employee_day_uq!.columns = ["employee_id", "day_key"];
    broken.tables.oauth_states!.primaryKey = ["state_hash"];
    // A non-unique index need not lead with it.
    broken.tables.calls!.indexes.calls_org_updated_idx!.columns = ["updated_at"];
    expect(findTenantKeyProblems(broken)).toEqual([
      "unique index daily_scores.daily_scores_employee_day_uq: (employee_id, day_key) does not lead with organization_id",
      "table oauth_states: primary key (state_hash) does not lead with organization_id",
      "table webhook_inbox: no organization_id",
    ]);
  });

  it("accepts SQLite's rowid key, and nothing like it on PostgreSQL", () => {
    const rowid = structuredClone(shape);
    rowid.tables.calls!.primaryKey = ["id"];
    const problems = findTenantKeyProblems(rowid);
    expect(problems).toEqual(shape.engine === "sqlite" ? [] : ["table calls: primary key (id) does not lead with organization_id"]);
  });
});
