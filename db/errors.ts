/** A unique index or primary key refused the row, on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  if (code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") return true;
  return cause !== undefined && cause !== error && isUniqueViolation(cause);
}

// PostgreSQL: serialization failure, deadlock, lock not available, admin/crash shutdown, cannot connect now.
const transientPostgresCodes = new Set(["40001", "40P01", "55P03", "57P01", "57P02", "57P03"]);
const transientNetworkCodes = new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE"]);

/**
 * Retrying may succeed: SQLite was busy or locked, a PostgreSQL transaction lost a conflict, or the
 * connection to the server dropped (class 08, a restart, the network).
 */
export function isTransientDatabaseError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, cause, message } = error as { code?: unknown; cause?: unknown; message?: unknown };
  if (typeof code === "string") {
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return true;
    if (transientPostgresCodes.has(code) || code.startsWith("08") || transientNetworkCodes.has(code)) return true;
  }
  if (typeof message === "string" && /Connection terminated|connection timeout/i.test(message)) return true;
  return cause !== undefined && cause !== error && isTransientDatabaseError(cause);
}
