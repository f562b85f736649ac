// The SQLite install being copied: opened read-only, and refused unless it is a Daymark database
// migrated exactly as far as this checkout's migrations go.
import fs from "node:fs";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { migrationsFolder } from "@/db/migrate";
import * as sqliteSchema from "@/db/schema/sqlite";
import { CopyRefusedError } from "./errors";

export interface CopySource {
  sqlite: Database.Database;
  db: BetterSQLite3Database<typeof sqliteSchema>;
}

export function openCopySource(file: string): CopySource {
  if (file === ":memory:" || !fs.existsSync(file)) throw new CopyRefusedError(`There is no SQLite database at ${file}.`);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    sqlite.prepare("SELECT count(*) FROM sqlite_master").get();
  } catch (error) {
    throw new CopyRefusedError(`${file} is not a readable SQLite database (${(error as Error).message}).`);
  }
  try {
    checkMigrations(sqlite, file);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return { sqlite, db: drizzle(sqlite, { schema: sqliteSchema }) };
}

/** Same rule as drizzle's migrator: a migration is applied when its timestamp is at or below the newest applied one. */
function checkMigrations(sqlite: Database.Database, file: string): void {
  const hasJournal = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!hasJournal) {
    throw new CopyRefusedError(`${file} is not a Daymark database: it has no migrations table (__drizzle_migrations).`);
  }
  const { newest } = sqlite.prepare('SELECT max(created_at) AS newest FROM "__drizzle_migrations"').get() as { newest: number | null };
  const migrations = readMigrationFiles({ migrationsFolder: migrationsFolder("sqlite") });
  const pending = migrations.filter((m) => newest === null || m.folderMillis > Number(newest));
  if (pending.length > 0) {
    throw new CopyRefusedError(
      `${file} is ${pending.length} migration(s) behind this version of Daymark. ` +
        `Migrate it first: DATABASE_URL=${file} npm run db:migrate, then run db:copy again.`,
    );
  }
  if (Number(newest) > migrations.at(-1)!.folderMillis) {
    throw new CopyRefusedError(`${file} was migrated by a newer version of Daymark than this one: update this checkout, then run db:copy again.`);
  }
}

/** Tables in the file that are neither Daymark's nor bookkeeping: a copy would silently leave them behind. */
export function listUnknownTables(source: CopySource, known: Set<string>): string[] {
  const rows = source.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  return rows.map((r) => r.name).filter((name) => !known.has(name) && name !== "__drizzle_migrations" && !name.startsWith("sqlite_"));
}

/** AUTOINCREMENT high-water marks: ids SQLite will never hand out again, even where the rows are gone. */
export function readSqliteSequences(source: CopySource): Map<string, number> {
  const hasSequences = source.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get();
  if (!hasSequences) return new Map();
  const rows = source.sqlite.prepare("SELECT name, seq FROM sqlite_sequence").all() as { name: string; seq: number }[];
  return new Map(rows.map((r) => [r.name, Number(r.seq)]));
}
