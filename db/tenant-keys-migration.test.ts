// The lead_keys_with_organization_id migration rebuilds keys (and SQLite's oauth_states) under live data:
// a database populated one migration earlier keeps every row and value, and the new keys behave.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate as migrateSqlite } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "./client";
import { getActiveEngine } from "./engine";
import { getPostgresPool } from "./engines/postgres";
import { executeSql, queryRows } from "./engines/raw";
import { migrateDatabase, migrationsFolder } from "./migrate";
import { createScratchPostgresDatabase, createScratchSqliteFile, type ScratchDatabase } from "./testing/scratch-databases";

const migrationTag = /^\d+_lead_keys_with_organization_id$/;
const engine = getActiveEngine();

/** The engine's migrations up to the tenant-key migration, excluded or included (later ones add columns). */
function migrationsUpToTenantKeys(including: boolean): string {
  const from = migrationsFolder(engine);
  const to = fs.mkdtempSync(path.join(os.tmpdir(), "daymark-migrations-"));
  fs.cpSync(from, to, { recursive: true });
  const journalFile = path.join(to, "meta/_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((entry) => migrationTag.test(entry.tag));
  if (at < 0) throw new Error("No lead_keys_with_organization_id migration in the journal.");
  journal.entries = journal.entries.slice(0, including ? at + 1 : at);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return to;
}

async function migrateFrom(db: Db, folder: string): Promise<void> {
  if (db.$engine === "sqlite") migrateSqlite(db as unknown as BetterSQLite3Database, { migrationsFolder: folder });
  else await migratePostgres(drizzle(getPostgresPool(db)), { migrationsFolder: folder });
}

// Two organizations, each with a row in every table the migration touches (ids chosen by hand).
const population = [
  `INSERT INTO organizations (id, name, domain, timezone, created_at) VALUES (1, 'Acme', 'acme.test', 'UTC', 1000), (2, 'Globex', 'globex.test', 'UTC', 1000)`,
  `INSERT INTO users (id, organization_id, email, name, password_hash, role, created_at) VALUES (1, 1, 'ada@acme.test', 'Ada', 'h', 'admin', 1000), (2, 2, 'gus@globex.test', 'Gus', 'h', 'admin', 1000)`,
  `INSERT INTO employees (id, organization_id, name, email, manager_id, created_at, updated_at) VALUES
    (1, 1, 'Ada', 'ada@acme.test', NULL, 1000, 1000), (2, 1, 'Bob', 'bob@acme.test', 1, 1000, 1000), (3, 2, 'Gus', 'gus@globex.test', NULL, 1000, 1000)`,
  `INSERT INTO dialpad_connections (id, organization_id, status, dialpad_company_id, company_name, company_domain, connected_by_user_id,
    connected_by_name, connected_at, updated_at) VALUES (1, 1, 'connected', 'c1', 'Acme', 'acme.test', 1, 'Ada', 1000, 1000)`,
  `INSERT INTO oauth_states (state_hash, organization_id, user_id, code_verifier_cipher, expires_at, created_at) VALUES ('s1', 1, 1, 'v', 9000, 1000)`,
  `INSERT INTO calls (id, organization_id, dialpad_call_id, dialpad_user_id, direction, state, started_at, event_timestamp,
    is_transferred, was_recorded, has_voicemail, is_internal, raw, first_synced_at, updated_at) VALUES
    (1, 1, 'call-1', 'u1', 'inbound', 'hangup', 5000, 5000, false, false, false, false, '{}', 6000, 6000),
    (2, 2, 'call-1', 'u9', 'outbound', 'hangup', 5000, 5000, true, false, true, false, '{"a":1}', 6000, 6000)`,
  `INSERT INTO dialpad_users (id, organization_id, dialpad_user_id, emails, phone_numbers, first_seen_at, last_seen_at) VALUES
    (1, 1, 'u1', '["bob@acme.test"]', '[]', 1000, 1000)`,
  `INSERT INTO employee_dialpad_links (id, organization_id, employee_id, dialpad_user_id, method, matched_value, created_at, updated_at) VALUES
    (1, 1, 2, 'u1', 'email', 'bob@acme.test', 1000, 1000)`,
  `INSERT INTO mapping_events (id, organization_id, employee_id, to_dialpad_user_id, to_method, actor_name, reason, created_at) VALUES
    (1, 1, 2, 'u1', 'email', 'Automatic', 'email match', 1000)`,
  `INSERT INTO dialpad_directory_refreshes (organization_id, refreshed_at, user_count, rejected_count) VALUES (1, 1000, 1, 0)`,
  `INSERT INTO sync_runs (id, organization_id, kind, trigger, status, range_start, range_end, window_end, windows_total, active_since,
    started_at, updated_at) VALUES (1, 1, 'backfill', 'connect', 'succeeded', 0, 86400000, 0, 1, 1000, 1000, 2000)`,
  `INSERT INTO quarantined_records (id, organization_id, source, sync_run_id, dialpad_call_id, raw_hash, raw, issues, first_seen_at, last_seen_at)
    VALUES (1, 1, 'poll', 1, 'bad-1', 'hash', '{}', '["call_id: missing"]', 1000, 1000)`,
  `INSERT INTO webhook_inbox (id, organization_id, event_key, payload, received_at, processed_at) VALUES (1, 1, 'e1', '{}', 1000, NULL)`,
  `INSERT INTO sync_settings (organization_id, webhook_token, updated_at) VALUES (1, 'token-1', 1000)`,
  `INSERT INTO daily_scores (id, organization_id, employee_id, day_key, role, score, talk_ms, connected_calls, voicemails_left,
    voicemails_received, missed_calls, not_answered_calls, has_activity, breakdown, facts_hash, computed_at) VALUES
    (1, 1, 2, '2026-01-05', '', 80, 60000, 1, 0, 0, 0, 0, true, '{}', 'f1', 7000),
    (2, 2, 3, '2026-01-05', '', NULL, 0, 0, 0, 0, 0, 0, false, '', 'f2', 7000)`,
  `INSERT INTO call_day_entries (id, organization_id, employee_id, day_key, call_id, kind, counted_ms, contribution_ms, is_flagged,
    is_start_day, counts_as_connected_call, reason) VALUES (1, 1, 2, '2026-01-05', 1, 'talk', 60000, 60000, false, true, true, 'connected')`,
  `INSERT INTO score_settings (id, organization_id, role, talk_time_weight, connected_calls_weight, default_talk_time_target_ms,
    default_connected_calls_target, updated_at) VALUES (1, 1, '', 50, 50, 3600000, 20, 1000)`,
  `INSERT INTO audit_events (id, organization_id, actor_user_id, actor_name, action, target_type, summary, created_at) VALUES
    (1, 1, 1, 'Ada', 'dialpad.connected', 'connection', 'Connected Dialpad', 1000)`,
  `INSERT INTO user_sessions (id, user_id, organization_id, created_at, last_seen_at, expires_at) VALUES ('sess-1', 1, 1, 1000, 1000, 9000)`,
];

const tables = [
  "organizations", "users", "employees", "dialpad_connections", "oauth_states", "calls", "dialpad_users", "employee_dialpad_links",
  "mapping_events", "dialpad_directory_refreshes", "sync_runs", "quarantined_records", "webhook_inbox", "sync_settings",
  "daily_scores", "call_day_entries", "score_settings", "score_recompute_queue", "audit_events", "user_sessions",
];

/** Every row of every table, in a stable order (by all columns as text). */
async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = await queryRows<Record<string, unknown>>(db, sql.raw(`SELECT * FROM ${table}`));
    out[table] = rows.map((row) => JSON.stringify(Object.entries(row).sort(([a], [b]) => a.localeCompare(b)))).sort();
  }
  return out;
}

let scratch: ScratchDatabase;
let db: Db;
let before: Record<string, unknown[]>;
let after: Record<string, unknown[]>;
const folders: string[] = [];

beforeAll(async () => {
  scratch = engine === "postgres" ? await createScratchPostgresDatabase() : createScratchSqliteFile();
  db = openDatabase(scratch.url);
  folders.push(migrationsUpToTenantKeys(false), migrationsUpToTenantKeys(true));
  await migrateFrom(db, folders[0]!);
  for (const statement of population) await executeSql(db, sql.raw(statement));
  before = await snapshot(db);
  await migrateFrom(db, folders[1]!);
  after = await snapshot(db);
  await migrateDatabase(db);
}, 120_000);

afterAll(async () => {
  await closeDatabase(db);
  await scratch.dispose();
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
}, 60_000);

describe("the tenant-key migration on a populated database", () => {
  it("keeps every row and value", async () => {
    expect(before.calls).toHaveLength(2);
    expect(before.score_recompute_queue!.length).toBeGreaterThan(0);
    expect(after).toEqual(before);
  });

  it("deleting a manager clears only the report's manager_id", async () => {
    await executeSql(db, sql`DELETE FROM employees WHERE organization_id = 1 AND id = 1`);
    const rows = await queryRows<{ id: number; organizationId: number; managerId: number | null }>(
      db,
      sql`SELECT id, organization_id AS "organizationId", manager_id AS "managerId" FROM employees WHERE organization_id = 1`,
    );
    expect(rows).toEqual([{ id: 2, organizationId: 1, managerId: null }]);
  });

  it("deleting a sync run clears only the quarantined record's run", async () => {
    await executeSql(db, sql`DELETE FROM sync_runs WHERE organization_id = 1 AND id = 1`);
    const rows = await queryRows<{ organizationId: number; syncRunId: number | null }>(
      db,
      sql`SELECT organization_id AS "organizationId", sync_run_id AS "syncRunId" FROM quarantined_records`,
    );
    expect(rows).toEqual([{ organizationId: 1, syncRunId: null }]);
  });

  it("keeps call-day entries through call_entries_without_call_key, which drops their key to calls; the employee's still cascades", async () => {
    const entries = sql`SELECT id, employee_id AS "employeeId", call_id AS "callId" FROM call_day_entries`;
    expect(await queryRows(db, entries)).toEqual([{ id: 1, employeeId: 2, callId: 1 }]);
    // Deleting calls through db/queries deletes their entries; a bare DELETE has no foreign key to follow.
    await executeSql(db, sql`DELETE FROM calls WHERE organization_id = 1 AND id = 1`);
    expect(await queryRows(db, entries)).toEqual([{ id: 1, employeeId: 2, callId: 1 }]);
    await executeSql(db, sql`DELETE FROM employees WHERE organization_id = 1 AND id = 2`);
    expect(await queryRows(db, entries)).toEqual([]);
  });
});
