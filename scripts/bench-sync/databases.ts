// Throwaway databases for the benchmark on the engine DATABASE_URL names: SQLite files in a temporary
// folder, or databases created next to DATABASE_URL's on its PostgreSQL server (dropped afterwards).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDatabase, openDatabase, type Db } from "@/db/client";
import { describeDatabase, parseDatabaseUrl } from "@/db/engine";
import { getPostgresPool } from "@/db/engines/postgres";
import { migrateDatabase } from "@/db/migrate";
import { insertOrganization } from "@/db/queries/organizations";

export interface BenchDatabases {
  engine: "sqlite" | "postgres";
  /** Where the databases live, for the report. */
  where: string;
  /** A new migrated database holding one organization; `url` opens it from another process. */
  create(name: string): Promise<{ db: Db; organizationId: number; url: string }>;
  /** Closes and deletes every database created. */
  dispose(): Promise<void>;
}

export function openBenchDatabases(databaseUrl: string | undefined): BenchDatabases {
  const target = databaseUrl ? parseDatabaseUrl(databaseUrl) : undefined;
  const opened: Db[] = [];
  const migrated = async (url: string, name: string) => {
    const db = openDatabase(url);
    opened.push(db);
    await migrateDatabase(db);
    const organization = await insertOrganization(db, { name: "Bench", domain: `${name}.test`, timezone: "UTC", createdAt: 0 });
    return { db, organizationId: organization.id, url };
  };

  if (target?.engine !== "postgres") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "daymark-bench-"));
    return {
      engine: "sqlite",
      where: `SQLite files in ${dir}`,
      create: (name) => migrated(path.join(dir, `${name}.db`), name),
      dispose: async () => {
        for (const db of opened) await closeDatabase(db);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  const server = openDatabase(target.url);
  const prefix = `daymark_bench_${randomBytes(4).toString("hex")}`;
  const names: string[] = [];
  return {
    engine: "postgres",
    where: `PostgreSQL databases ${prefix}_* on ${describeDatabase(target)}`,
    create: async (name) => {
      const database = `${prefix}_${name}`;
      await getPostgresPool(server).query(`CREATE DATABASE "${database}"`);
      names.push(database);
      const url = new URL(target.url);
      url.pathname = `/${database}`;
      return migrated(url.toString(), name);
    },
    dispose: async () => {
      for (const db of opened) await closeDatabase(db);
      for (const database of names) await getPostgresPool(server).query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await closeDatabase(server);
    },
  };
}
