// The redact_call_content and redact_quarantined_content migrations rewrite payloads stored before Daymark
// kept metadata only: a call stored with a voicemail transcription has none after them, and its metadata is intact.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate as migrateSqlite } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toStoredCallPayload } from "@/lib/integrations/dialpad/stored-payload";
import { closeDatabase, openDatabase, type Db } from "./client";
import { getActiveEngine } from "./engine";
import { getPostgresPool } from "./engines/postgres";
import { executeSql, queryRows } from "./engines/raw";
import { migrationsFolder } from "./migrate";
import { createScratchPostgresDatabase, createScratchSqliteFile, type ScratchDatabase } from "./testing/scratch-databases";

const firstTag = /^\d+_redact_call_content$/;
const lastTag = /^\d+_redact_quarantined_content$/;
const engine = getActiveEngine();
const transcription = "Hi, it's Marguerite about the Quillfeather invoice";

/** A voicemail leg as a webhook delivers it, content and links included. */
const payload = {
  call_id: "7001",
  master_call_id: "7000",
  direction: "inbound",
  state: "transcription",
  date_started: 1767600000000,
  date_connected: null,
  date_ended: 1767600042000,
  event_timestamp: 1767600100000,
  duration: 11989.972,
  external_number: "+14155550142",
  internal_number: "+14155551001",
  contact: { id: "c1", type: "local", name: "Marguerite", phone: "+14155550142", email: "", note: transcription },
  target: { id: "u1", type: "user", name: "Bob", phone: "+14155551001", email: "bob@acme.test", office_id: "9" },
  proxy_target: {},
  is_transferred: false,
  was_recorded: true,
  is_internal: false,
  labels: ["billing"],
  custom_data: `crm note: ${transcription}`,
  transcription_text: transcription,
  recap_summary: transcription,
  recap_action_items: [transcription],
  voicemail_link: "https://dialpad.test/secureblob/vm-7001",
  voicemail_recording_id: "vm-7001",
  recording_details: [{ id: "r1", recording_type: "voicemail", url: "https://dialpad.test/r1", duration: 9000, start_time: 1767600030000 }],
  routing_breadcrumbs: [{ breadcrumb_type: "external_api", request: transcription }],
};

/** The engine's migrations up to the redactions, excluded or included. */
function migrationsUpToRedaction(including: boolean): string {
  const from = migrationsFolder(engine);
  const to = fs.mkdtempSync(path.join(os.tmpdir(), "daymark-migrations-"));
  fs.cpSync(from, to, { recursive: true });
  const journalFile = path.join(to, "meta/_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  const first = journal.entries.findIndex((entry) => firstTag.test(entry.tag));
  const last = journal.entries.findIndex((entry) => lastTag.test(entry.tag));
  if (first < 0 || last < first) throw new Error("No redact_call_content and redact_quarantined_content migrations in the journal.");
  journal.entries = journal.entries.slice(0, including ? last + 1 : first);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return to;
}

async function migrateFrom(db: Db, folder: string): Promise<void> {
  if (db.$engine === "sqlite") migrateSqlite(db as unknown as BetterSQLite3Database, { migrationsFolder: folder });
  else await migratePostgres(drizzle(getPostgresPool(db)), { migrationsFolder: folder });
}

const callColumns = `organization_id, dialpad_call_id, dialpad_user_id, direction, state, started_at, ended_at, event_timestamp,
  duration_ms, external_number, is_transferred, was_recorded, has_voicemail, is_internal, raw, first_synced_at, updated_at`;

interface StoredRows {
  calls: Record<string, unknown>[];
  inbox: { payload: string }[];
  quarantined: { raw: string; rawHash: string }[];
}

async function readRows(db: Db): Promise<StoredRows> {
  return {
    calls: await queryRows<Record<string, unknown>>(db, sql.raw(`SELECT ${callColumns} FROM calls ORDER BY id`)),
    inbox: await queryRows<{ payload: string }>(db, sql`SELECT payload FROM webhook_inbox ORDER BY id`),
    quarantined: await queryRows<{ raw: string; rawHash: string }>(db, sql`SELECT raw, raw_hash AS "rawHash" FROM quarantined_records ORDER BY id`),
  };
}

let scratch: ScratchDatabase;
let db: Db;
let before: StoredRows;
let after: StoredRows;
const folders: string[] = [];

beforeAll(async () => {
  scratch = engine === "postgres" ? await createScratchPostgresDatabase() : createScratchSqliteFile();
  db = openDatabase(scratch.url);
  folders.push(migrationsUpToRedaction(false), migrationsUpToRedaction(true));
  await migrateFrom(db, folders[0]!);
  const raw = JSON.stringify(payload);
  await executeSql(db, sql`INSERT INTO organizations (id, name, domain, timezone, created_at) VALUES (1, 'Acme', 'acme.test', 'UTC', 1000)`);
  await executeSql(
    db,
    sql`INSERT INTO calls (${sql.raw(callColumns)}) VALUES
      (1, '7001', 'u1', 'inbound', 'transcription', 1767600000000, 1767600042000, 1767600100000, 11990, '+14155550142', false, true, true, false, ${raw}, 6000, 6000),
      (1, '7002', 'u1', 'outbound', 'hangup', 1767600000000, NULL, 1767600000000, NULL, NULL, false, false, false, false, '{}', 6000, 6000)`,
  );
  await executeSql(db, sql`INSERT INTO webhook_inbox (organization_id, event_key, payload, received_at) VALUES (1, 'e1', ${raw}, 1000)`);
  const rejected = JSON.stringify({ ...payload, direction: "sideways" });
  await executeSql(
    db,
    sql`INSERT INTO quarantined_records (organization_id, source, dialpad_call_id, raw_hash, raw, issues, first_seen_at, last_seen_at)
      VALUES (1, 'webhook', '7001', 'h1', ${rejected}, '["direction"]', 1000, 1000), (1, 'poll', NULL, 'h2', ${JSON.stringify(transcription)}, '[]', 1000, 1000)`,
  );
  before = await readRows(db);
  await migrateFrom(db, folders[1]!);
  after = await readRows(db);
}, 120_000);

afterAll(async () => {
  await closeDatabase(db);
  await scratch.dispose();
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
}, 60_000);

describe("the redact_call_content migration", () => {
  it("leaves no transcription or other content in a stored call, and keeps its metadata", () => {
    expect(String(before.calls[0]!.raw)).toContain(transcription);
    expect(String(after.calls[0]!.raw)).not.toContain(transcription);
    expect(JSON.parse(String(after.calls[0]!.raw))).toEqual({
      call_id: "7001",
      master_call_id: "7000",
      direction: "inbound",
      state: "transcription",
      date_started: 1767600000000,
      date_connected: null,
      date_ended: 1767600042000,
      event_timestamp: 1767600100000,
      duration: 11989.972,
      external_number: "+14155550142",
      internal_number: "+14155551001",
      contact: { id: "c1", type: "local", name: "Marguerite", phone: "+14155550142", email: "" },
      target: { id: "u1", type: "user", name: "Bob", phone: "+14155551001", email: "bob@acme.test", office_id: "9" },
      proxy_target: {},
      is_transferred: false,
      was_recorded: true,
      is_internal: false,
      labels: ["billing"],
      voicemail_recording_id: "vm-7001",
      recording_details: [{ id: "r1", recording_type: "voicemail", duration: 9000, start_time: 1767600030000 }],
    });
  });

  it("rewrites a stored call exactly as the sync now stores it", () => {
    expect(JSON.parse(String(after.calls[0]!.raw))).toEqual(toStoredCallPayload(payload));
    expect(JSON.parse(String(after.calls[1]!.raw))).toEqual({});
  });

  it("keeps every column of the calls but their payload", () => {
    const withoutRaw = (rows: Record<string, unknown>[]) => rows.map((row) => ({ ...row, raw: undefined }));
    expect(withoutRaw(after.calls)).toEqual(withoutRaw(before.calls));
  });

  it("strips content from webhook events in the inbox but keeps their voicemail link, which marks the leg", () => {
    const event = JSON.parse(after.inbox[0]!.payload) as Record<string, unknown>;
    expect(after.inbox[0]!.payload).not.toContain(transcription);
    expect(event).toEqual(toStoredCallPayload(payload, { keepRecordingLinks: true }));
    expect(event.voicemail_link).toBe("https://dialpad.test/secureblob/vm-7001");
  });

  it("strips content from quarantined records the same way, keeping what failed validation", () => {
    expect(before.quarantined[0]!.raw).toContain(transcription);
    expect(after.quarantined.map((row) => row.raw).join("")).not.toContain(transcription);
    expect(JSON.parse(after.quarantined[0]!.raw)).toEqual(toStoredCallPayload({ ...payload, direction: "sideways" }));
    expect(JSON.parse(after.quarantined[0]!.raw)).toMatchObject({ call_id: "7001", direction: "sideways" });
    expect(JSON.parse(after.quarantined[1]!.raw)).toBeNull();
    expect(after.quarantined.map((row) => row.rawHash)).toEqual(["h1", "h2"]);
  });
});
