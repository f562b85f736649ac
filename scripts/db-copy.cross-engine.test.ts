// db:copy: a SQLite install copied into an empty PostgreSQL database, checked table by table and row by row.
import { spawnSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "@/db/client";
import { executeSql, queryRows } from "@/db/engines/raw";
import { migrateDatabase } from "@/db/migrate";
import * as pgSchema from "@/db/schema/pg";
import { createScratchPostgresDatabase, createScratchSqliteFile, type ScratchDatabase } from "@/db/testing/scratch-databases";
import { resetEnvCache } from "@/lib/env";
import { openConnectionSecret } from "@/lib/services/dialpad-connection/token-storage";
import { copySqliteToPostgres, type CopyReport } from "./db-copy/copy-database";
import { CopyMismatchError, CopyRefusedError } from "./db-copy/errors";
import { planCopy } from "./db-copy/tables";
import { fillEveryTable, type FilledSqlite } from "./db-copy/testing/fill-sqlite";
import { countPostgresRows, readPostgresRows, readSqliteRows } from "./db-copy/testing/read-rows";

const scratch: ScratchDatabase[] = [];
let sourceFile: string;
let filled: FilledSqlite;
let target: ScratchDatabase;
let targetDb: Db;
let report: CopyReport;
const log: string[] = [];
const tables = planCopy();

async function migratedSqliteFile(): Promise<string> {
  const file = createScratchSqliteFile();
  scratch.push(file);
  const db = openDatabase(file.url);
  await migrateDatabase(db);
  await closeDatabase(db);
  return file.url;
}

async function scratchPostgres(): Promise<ScratchDatabase> {
  const database = await createScratchPostgresDatabase();
  scratch.push(database);
  return database;
}

beforeAll(async () => {
  Object.assign(process.env, { TOKEN_KEYS: "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", TOKEN_KEY_ACTIVE: "k1" });
  resetEnvCache();
  sourceFile = await migratedSqliteFile();
  filled = fillEveryTable(sourceFile);
  target = await scratchPostgres();
  // Small chunks: several INSERTs per table, and a self-reference that crosses chunks.
  report = await copySqliteToPostgres({ from: sourceFile, to: target.url, chunkRows: 2, log: (line) => log.push(line) });
  targetDb = openDatabase(target.url);
}, 120_000);

afterAll(async () => {
  if (targetDb) await closeDatabase(targetDb);
  for (const database of scratch) await database.dispose();
}, 60_000);

describe("db:copy from SQLite to an empty PostgreSQL database", () => {
  it("copies every table, and reports equal row counts on both sides", async () => {
    expect(report.counts.map((c) => c.table).sort()).toEqual(tables.map((t) => t.name).sort());
    for (const { table, source, target } of report.counts) {
      expect(source, `${table} has rows to copy`).toBeGreaterThan(0);
      expect(target, table).toBe(source);
    }
    expect(await countPostgresRows(targetDb, tables)).toEqual(report.counts.map((c) => c.source));
    expect(log.some((line) => line.includes("calls: 30 row(s)"))).toBe(true);
  });

  it("copies every row field by field: ids, booleans, JSON, nulls, epoch milliseconds, self-references, queue claims", async () => {
    for (const table of tables) {
      expect(await readPostgresRows(targetDb, table), table.name).toEqual(readSqliteRows(sourceFile, table));
    }
    const employees = await targetDb.select().from(pgSchema.employees);
    expect(employees.filter((e) => e.managerId !== null)).toHaveLength(2);
  });

  it("keeps the sealed Dialpad tokens byte for byte: they decrypt on the copy", async () => {
    const [connection] = await targetDb.select().from(pgSchema.dialpadConnections);
    expect(connection!.organizationId).toBe(filled.organizationId);
    expect(openConnectionSecret(filled.organizationId, "access_token", connection!.accessTokenCipher!)).toBe(filled.accessToken);
    expect(openConnectionSecret(filled.organizationId, "refresh_token", connection!.refreshTokenCipher!)).toBe(filled.refreshToken);
    expect(openConnectionSecret(filled.organizationId, "webhook_secret", connection!.webhookSecretCipher!)).toBe(filled.webhookSecret);
  });

  it("gives new rows ids above the copied ones, and above SQLite's AUTOINCREMENT mark", async () => {
    const copiedQueue = readSqliteRows(sourceFile, tables.find((t) => t.name === "score_recompute_queue")!);
    const highWater = new Database(sourceFile, { readonly: true });
    const { seq } = highWater.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'score_recompute_queue'").get() as { seq: number };
    highWater.close();
    expect(seq).toBeGreaterThan(Math.max(...copiedQueue.map((row) => Number(row.id))));
    const [queued] = await targetDb.insert(pgSchema.scoreRecomputeQueue).values({ organizationId: filled.organizationId, kind: "employee", employeeId: 1 }).returning();
    expect(queued!.id).toBe(seq + 1);
    const [organization] = await targetDb.insert(pgSchema.organizations).values({ name: "New", domain: "new.test", timezone: "UTC", createdAt: 1 }).returning();
    expect(organization!.id).toBe(3);
  });

  it("refuses a second copy into the now non-empty database, and leaves it as it was", async () => {
    const before = await countPostgresRows(targetDb, tables);
    await expect(copySqliteToPostgres({ from: sourceFile, to: target.url })).rejects.toThrow(
      expect.objectContaining({ name: "CopyRefusedError", message: expect.stringMatching(/already holds Daymark data: organizations \(3\).*only copies into an empty database/) }),
    );
    expect(await countPostgresRows(targetDb, tables)).toEqual(before);
  }, 60_000);

  it("rolls the whole copy back when a table's row count differs", async () => {
    const rogue = await scratchPostgres();
    const db = openDatabase(rogue.url);
    try {
      await migrateDatabase(db);
      // Something in the target that writes rows of its own during the copy.
      await executeSql(db, sql.raw(`
        CREATE FUNCTION rogue() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
          INSERT INTO sign_in_throttles (key, failure_count, updated_at) VALUES ('rogue-' || NEW.id, 1, 0); RETURN NULL; END; $$;
        CREATE TRIGGER rogue AFTER INSERT ON organizations FOR EACH ROW EXECUTE FUNCTION rogue();`));
      const failure = await copySqliteToPostgres({ from: sourceFile, to: rogue.url }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(CopyMismatchError);
      expect((failure as CopyMismatchError).counts.filter((c) => c.source !== c.target)).toEqual([{ table: "sign_in_throttles", source: 2, target: 4 }]);
      expect((await countPostgresRows(db, tables)).every((rows) => rows === 0)).toBe(true);
    } finally {
      await closeDatabase(db);
    }
  }, 60_000);
});

describe("db:copy refuses a source that is not an up-to-date Daymark database", () => {
  it("refuses a missing file, a foreign SQLite file and a database behind on migrations, before touching the target", async () => {
    const untouched = await scratchPostgres();
    const refuse = (from: string) => copySqliteToPostgres({ from, to: untouched.url });
    await expect(refuse(path.join(path.dirname(sourceFile), "missing.db"))).rejects.toThrow(/There is no SQLite database at/);

    const foreign = createScratchSqliteFile();
    scratch.push(foreign);
    new Database(foreign.url).exec("CREATE TABLE notes (id integer primary key)").close();
    await expect(refuse(foreign.url)).rejects.toThrow(/is not a Daymark database/);

    const behind = await migratedSqliteFile();
    new Database(behind).exec('DELETE FROM "__drizzle_migrations" WHERE created_at = (SELECT max(created_at) FROM "__drizzle_migrations")').close();
    await expect(refuse(behind)).rejects.toThrow(CopyRefusedError);
    await expect(refuse(behind)).rejects.toThrow(/1 migration\(s\) behind.*npm run db:migrate/);

    const tables = await openAndCountTables(untouched.url);
    expect(tables).toBe(0);
  }, 60_000);
});

describe("npm run db:copy", () => {
  const runCli = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", path.resolve("scripts/db-copy.ts"), ...args], { encoding: "utf8", env: process.env, timeout: 120_000 });

  it("prints the row counts, exits 0, then refuses the same database with exit 1; never prints the password", async () => {
    const fresh = await scratchPostgres();
    const url = new URL(fresh.url);
    // Trust authentication ignores a password; a server that checks one has it in the URL already.
    if (!url.password) url.password = "not-shown-anywhere";
    const copied = runCli("--from", sourceFile, "--to", url.toString());
    expect(copied.stderr).toBe("");
    expect(copied.status).toBe(0);
    expect(copied.stdout).toMatch(/calls\s+30\s+30\s+ok/);
    expect(copied.stdout).toContain("every table's row count matches");

    const refused = runCli("--from", sourceFile, "--to", url.toString());
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/db:copy refused: The target database postgres:\/\/.*already holds Daymark data/);
    expect(copied.stdout).toContain(`${url.username}:***@`);
    // As written in the URL, not as a bare word: the embedded server's password is "postgres".
    for (const output of [copied.stdout, copied.stderr, refused.stdout, refused.stderr]) expect(output).not.toContain(`:${url.password}@`);
  }, 120_000);

  it("explains its arguments when one is missing", () => {
    const result = runCli("--from", sourceFile);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Usage: npm run db:copy -- --from ./data/daymark.db --to postgres://");
  }, 60_000);
});

async function openAndCountTables(url: string): Promise<number> {
  const db = openDatabase(url);
  try {
    const [row] = await queryRows<{ tables: number }>(db, sql`SELECT count(*)::int AS "tables" FROM information_schema.tables WHERE table_schema = current_schema()`);
    return row!.tables;
  } finally {
    await closeDatabase(db);
  }
}
