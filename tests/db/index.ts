import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDatabase, openDatabase, type Db } from "@/db/client";
import { getActiveEngine } from "@/db/engine";
import { migrateDatabase } from "@/db/migrate";
import { createDatabaseFromTemplate, dropDatabase, postgresTestServer, testDatabasePrefix } from "./postgres-server";

type Created = { db: Db; dispose: () => Promise<void> };
const created: Created[] = [];

/**
 * A fresh, migrated database on the engine this test run covers (the vitest project sets
 * DATABASE_URL's engine): a temporary SQLite file, or a new PostgreSQL database copied from the
 * run's migrated template. Tests own their data; disposeTestDbs() removes them after the file.
 */
export async function createTestDb(): Promise<Db> {
  const entry = getActiveEngine() === "postgres" ? await createPostgresTestDb() : await createSqliteTestDb();
  created.push(entry);
  return entry.db;
}

/** The URL a child process (or a second connection) opens for `db`. */
export function testDatabaseUrl(db: Db): string {
  const url = urls.get(db);
  if (!url) throw new Error("Not a database from createTestDb().");
  return url;
}

const urls = new WeakMap<Db, string>();

async function createSqliteTestDb(): Promise<Created> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "daymark-test-"));
  const file = path.join(dir, "test.db");
  const db = openDatabase(file);
  await migrateDatabase(db);
  urls.set(db, file);
  return {
    db,
    dispose: async () => {
      await closeDatabase(db);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgresTestDb(): Promise<Created> {
  const server = postgresTestServer();
  const name = `${testDatabasePrefix(server.templateName)}${process.pid}_${randomBytes(4).toString("hex")}`;
  const url = await createDatabaseFromTemplate(server, name);
  const db = openDatabase(url);
  urls.set(db, url);
  return {
    db,
    dispose: async () => {
      await closeDatabase(db);
      await dropDatabase(server, name);
    },
  };
}

/** Closes and deletes every database this test file created (tests/db/cleanup.ts runs it after each file). */
export async function disposeTestDbs(): Promise<void> {
  const entries = created.splice(0);
  const global = globalThis as unknown as { daymarkDb?: Db };
  for (const entry of entries) {
    if (global.daymarkDb === entry.db) delete global.daymarkDb;
    await entry.dispose();
  }
}
