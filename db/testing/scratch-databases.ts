// Databases for tests that use both engines at once (*.cross-engine.test.ts: schema parity, db:copy):
// an empty SQLite file and an empty PostgreSQL database on the test server, neither migrated.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { databaseUrl, dropDatabase, postgresTestServer, testDatabasePrefix, withAdminClient } from "@/tests/db/postgres-server";

export interface ScratchDatabase {
  /** A file path (SQLite) or a postgres:// URL: what DATABASE_URL would hold. */
  url: string;
  dispose: () => Promise<void>;
}

export function createScratchSqliteFile(): ScratchDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "daymark-scratch-"));
  return { url: path.join(dir, "daymark.db"), dispose: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A new, empty database (not the migrated template) on the PostgreSQL project's server. */
export async function createScratchPostgresDatabase(): Promise<ScratchDatabase> {
  const server = postgresTestServer();
  // The run's prefix: its teardown drops any a killed worker left behind.
  const name = `${testDatabasePrefix(server.templateName)}${process.pid}_${randomBytes(4).toString("hex")}`;
  await withAdminClient(server.adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  return { url: databaseUrl(server.adminUrl, name), dispose: () => dropDatabase(server, name) };
}
