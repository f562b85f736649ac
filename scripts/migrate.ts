import { loadEnvConfig } from "@next/env";
import { closeDatabase, openDatabase } from "@/db/client";
import { DatabaseUrlError, defaultDatabaseUrl, describeDatabase, parseDatabaseUrl, type DatabaseTarget } from "@/db/engine";
import { migrateDatabase } from "@/db/migrate";

// `npm run db:migrate`: migrates the database DATABASE_URL names, SQLite file or PostgreSQL server.
// Read .env files the way `next start` does, so both use the same DATABASE_URL.
loadEnvConfig(process.cwd());

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL || defaultDatabaseUrl;
  const target = parseDatabaseUrl(url);
  const db = openDatabase(url);
  try {
    await migrateDatabase(db);
  } catch (error) {
    throw new MigrateError(target, error);
  } finally {
    await closeDatabase(db).catch(() => undefined);
  }
  console.log(`Database migrated: ${describeDatabase(target)}`);
}

/** Migrating failed: says which database, with the driver's reason and without the password. */
class MigrateError extends Error {
  constructor(target: DatabaseTarget, cause: unknown) {
    super(`DATABASE_URL (${describeDatabase(target)}) could not be migrated: ${withoutPassword(describeError(cause), target)}`);
  }
}

// A refused connection to a host with several addresses is an AggregateError with an empty message.
function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describeError(error.errors[0]);
  if (error instanceof Error) return error.message || String((error as { code?: unknown }).code ?? error.name);
  return String(error);
}

function withoutPassword(message: string, target: DatabaseTarget): string {
  if (target.engine !== "postgres") return message;
  const password = decodeURIComponent(new URL(target.url).password);
  return password ? message.replaceAll(password, "***") : message;
}

// One line and exit code 1, never a stack trace: this runs before every `npm start` and `npm run dev`.
main().catch((error: unknown) => {
  const message = error instanceof DatabaseUrlError || error instanceof MigrateError ? error.message : `DATABASE_URL: ${String(error)}`;
  console.error(message.replace(/\s+/g, " ").trim());
  process.exit(1);
});
