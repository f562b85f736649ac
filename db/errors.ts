/** A unique index or primary key refused the row, on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  if (code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") return true;
  return cause !== undefined && cause !== error && isUniqueViolation(cause);
}

/** The database is busy (SQLite's lock timeout) or a PostgreSQL transaction lost a conflict: retrying may succeed. */
export function isTransientDatabaseError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  if (code === "SQLITE_BUSY" || code === "40001" || code === "40P01" || code === "55P03") return true;
  return cause !== undefined && cause !== error && isTransientDatabaseError(cause);
}
