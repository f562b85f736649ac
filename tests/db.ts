import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

/** A fresh, migrated database file per call; tests own their data. */
export function createTestDb(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "daymark-test-"));
  const db = openDatabase(path.join(dir, "test.db"));
  migrateDatabase(db);
  return db;
}
