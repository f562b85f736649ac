import path from "node:path";

export type DatabaseEngine = "sqlite" | "postgres";

export type DatabaseTarget =
  | { engine: "sqlite"; file: string }
  | { engine: "postgres"; url: string };

export const defaultDatabaseUrl = "./data/daymark.db";

/** A DATABASE_URL that names neither a SQLite file nor a PostgreSQL server. */
export class DatabaseUrlError extends Error {
  constructor(reason: string) {
    super(`DATABASE_URL is not usable: ${reason}`);
    this.name = "DatabaseUrlError";
  }
}

/**
 * `postgres://` or `postgresql://` → PostgreSQL; anything else is a SQLite file path (optionally
 * `file:`-prefixed, or `:memory:`). Any other scheme is refused rather than read as a file name.
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  const value = url.trim();
  if (value === "") throw new DatabaseUrlError("it is empty.");
  if (/^postgres(ql)?:\/\//i.test(value)) {
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      throw new DatabaseUrlError("it starts with postgres:// but is not a valid URL.");
    }
    if (!parsed.hostname && !parsed.searchParams.get("host")) throw new DatabaseUrlError("the PostgreSQL URL has no host.");
    return { engine: "postgres", url: value };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new DatabaseUrlError(`"${value.split("://")[0]}://" is not supported; use a file path or postgres://.`);
  }
  const withoutScheme = value.startsWith("file:") ? value.slice("file:".length) : value;
  return { engine: "sqlite", file: withoutScheme === ":memory:" ? withoutScheme : path.resolve(withoutScheme) };
}

/** The engine this process runs on: DATABASE_URL, read once (the schema module picks its tables by it). */
export function getActiveEngine(): DatabaseEngine {
  return parseDatabaseUrl(process.env.DATABASE_URL || defaultDatabaseUrl).engine;
}

/** For messages: the file, or the server without its password. */
export function describeDatabase(target: DatabaseTarget): string {
  if (target.engine === "sqlite") return target.file;
  const url = new URL(target.url);
  if (url.password) url.password = "***";
  return url.toString();
}
