import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { connectionStatuses } from "../enums";
import { organizations } from "./organizations";
import { users } from "./users";

// One Dialpad connection per organization. Tokens are stored only as AES-256-GCM envelopes
// (lib/crypto/token-cipher.ts); Dialpad usernames and passwords are never stored.
export const dialpadConnections = sqliteTable("dialpad_connections", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  organizationId: integer("organization_id")
    .notNull()
    .unique()
    .references(() => organizations.id, { onDelete: "cascade" }),
  status: text("status", { enum: connectionStatuses }).notNull(),
  dialpadCompanyId: text("dialpad_company_id").notNull(),
  companyName: text("company_name").notNull(),
  companyDomain: text("company_domain").notNull(),
  connectedByUserId: integer("connected_by_user_id").references(() => users.id, { onDelete: "set null" }),
  connectedByName: text("connected_by_name").notNull(),
  connectedAt: integer("connected_at").notNull(),
  accessTokenCipher: text("access_token_cipher"),
  refreshTokenCipher: text("refresh_token_cipher"),
  accessTokenExpiresAt: integer("access_token_expires_at"),
  // Cross-process single-flight refresh: a short lease taken by compare-and-set.
  refreshLeaseUntil: integer("refresh_lease_until"),
  refreshLeaseOwner: text("refresh_lease_owner"),
  lastRefreshAt: integer("last_refresh_at"),
  lastErrorMessage: text("last_error_message"),
  licensedUserCount: integer("licensed_user_count").notNull().default(0),
  totalUserCount: integer("total_user_count").notNull().default(0),
  webhookId: text("webhook_id"),
  subscriptionId: text("subscription_id"),
  webhookSecretCipher: text("webhook_secret_cipher"),
  lastSyncAt: integer("last_sync_at"),
  updatedAt: integer("updated_at").notNull(),
});

// One-time OAuth state, bound to the admin who started the flow; deleted on first use.
export const oauthStates = sqliteTable(
  "oauth_states",
  {
    // sha256 of the state value: a database leak cannot be replayed into a callback.
    stateHash: text("state_hash").notNull(),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeVerifierCipher: text("code_verifier_cipher").notNull(),
    /** How many days back the first backfill reads, chosen on the connect form; applied when the connect succeeds. */
    backfillDays: integer("backfill_days"),
    isPopup: integer("is_popup", { mode: "boolean" }).notNull().default(false),
    expiresAt: integer("expires_at").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    primaryKey({ name: "oauth_states_pkey", columns: [t.organizationId, t.stateHash] }),
    index("oauth_states_expires_idx").on(t.expiresAt),
  ],
);
