import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

// Failed sign-ins per email, kept in the database so the limit holds across restarts and processes.
// Keyed by the typed (normalized) email whether or not a user has it, so a lockout never reveals which emails exist.
export const signInAttempts = sqliteTable(
  "sign_in_attempts",
  {
    email: text("email").primaryKey(),
    failureCount: integer("failure_count").notNull(),
    windowStartedAt: integer("window_started_at").notNull(),
    lockedUntil: integer("locked_until"),
  },
  // Pruning stale rows scans by window start.
  (t) => [index("sign_in_attempts_window_idx").on(t.windowStartedAt)],
);
