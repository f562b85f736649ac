import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { closeDatabase, openDatabase } from "@/db/client";
import { describeDatabase, getActiveEngine, parseDatabaseUrl } from "@/db/engine";
import { countOrganizations } from "@/db/queries/organizations";
import { createTestDb, testDatabaseUrl } from "@/tests/db";

type Outcome = { code: number; stdout: string; stderr: string };

function migrate(databaseUrl: string): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", path.resolve("scripts/migrate.ts")],
      { env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe(`npm run db:migrate on ${getActiveEngine()}`, () => {
  it("migrates the database DATABASE_URL names and says which", async () => {
    // SQLite: a new file. PostgreSQL: a test database (already migrated: migrating again is a no-op).
    const url =
      getActiveEngine() === "sqlite"
        ? path.join(fs.mkdtempSync(path.join(os.tmpdir(), "daymark-migrate-")), "fresh.db")
        : testDatabaseUrl(await createTestDb());
    const outcome = await migrate(url);
    expect(outcome).toMatchObject({ code: 0, stderr: "" });
    expect(outcome.stdout.trim()).toBe(`Database migrated: ${describeDatabase(parseDatabaseUrl(url))}`);
    const db = openDatabase(url);
    try {
      expect(await countOrganizations(db)).toBe(0);
    } finally {
      await closeDatabase(db);
      if (getActiveEngine() === "sqlite") fs.rmSync(path.dirname(url), { recursive: true, force: true });
    }
  }, 90_000);

  it.each([
    ["a malformed URL", "mysql://admin:s3cret@db.example/daymark", /^DATABASE_URL is not usable: "mysql:\/\/" is not supported/],
    ["an unreachable server", "postgres://daymark:s3cret@127.0.0.1:1/daymark", /^DATABASE_URL \(postgres:\/\/daymark:\*\*\*@127\.0\.0\.1:1\/daymark\) could not be migrated: .*ECONNREFUSED/],
  ])("stops on %s with exit code 1 and one line naming DATABASE_URL, without the password", async (_, url, message) => {
    const outcome = await migrate(url);
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toBe("");
    expect(outcome.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(outcome.stderr).toMatch(message);
    expect(outcome.stderr).not.toContain("s3cret");
  }, 90_000);
});
