import { bigint, index, integer, pgTable, text } from "drizzle-orm/pg-core";

// Sign-in failures per key: "pair:<email> <address>", "address:<address>", "email:<email>". An attempt is
// counted (reserved) before the password is checked and released on success, so parallel guesses all count.
export const signInThrottles = pgTable(
  "sign_in_throttles",
  {
    key: text("key").primaryKey(),
    failureCount: integer("failure_count").notNull(),
    lastFailureAt: bigint("last_failure_at", { mode: "number" }),
    blockedUntil: bigint("blocked_until", { mode: "number" }),
    // Set on pair rows when the password was right: this address is known for this email.
    lastSuccessAt: bigint("last_success_at", { mode: "number" }),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
  },
  // Pruning stale rows scans by last update.
  (t) => [index("sign_in_throttles_updated_idx").on(t.updatedAt)],
);
