import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

// Sign-in failures per key: "pair:<email> <address>", "address:<address>", "email:<email>". An attempt is
// counted (reserved) before the password is checked and released on success, so parallel guesses all count.
export const signInThrottles = sqliteTable(
  "sign_in_throttles",
  {
    key: text("key").primaryKey(),
    failureCount: integer("failure_count").notNull(),
    lastFailureAt: integer("last_failure_at"),
    blockedUntil: integer("blocked_until"),
    // Set on pair rows when the password was right: this address is known for this email.
    lastSuccessAt: integer("last_success_at"),
    updatedAt: integer("updated_at").notNull(),
  },
  // Pruning stale rows scans by last update.
  (t) => [index("sign_in_throttles_updated_idx").on(t.updatedAt)],
);
