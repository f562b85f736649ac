import { bigint, boolean, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { connectionStatuses } from "../enums";
import { organizations } from "./organizations";
import { users } from "./users";

// One Dialpad connection per organization. Tokens are stored only as AES-256-GCM envelopes
// (lib/crypto/token-cipher.ts); Dialpad usernames and passwords are never stored.
export const dialpadConnections = pgTable(
  "dialpad_connections",
  {
    id: integer("id").generatedByDefaultAsIdentity(),
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
    connectedAt: bigint("connected_at", { mode: "number" }).notNull(),
    accessTokenCipher: text("access_token_cipher"),
    refreshTokenCipher: text("refresh_token_cipher"),
    accessTokenExpiresAt: bigint("access_token_expires_at", { mode: "number" }),
    // Cross-process single-flight refresh: a short lease taken by compare-and-set.
    refreshLeaseUntil: bigint("refresh_lease_until", { mode: "number" }),
    refreshLeaseOwner: text("refresh_lease_owner"),
    lastRefreshAt: bigint("last_refresh_at", { mode: "number" }),
    lastErrorMessage: text("last_error_message"),
    licensedUserCount: integer("licensed_user_count").notNull().default(0),
    totalUserCount: integer("total_user_count").notNull().default(0),
    webhookId: text("webhook_id"),
    subscriptionId: text("subscription_id"),
    webhookSecretCipher: text("webhook_secret_cipher"),
    lastSyncAt: bigint("last_sync_at", { mode: "number" }),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ name: "dialpad_connections_pkey", columns: [t.organizationId, t.id] })],
);

// One-time OAuth state, bound to the admin who started the flow; deleted on first use.
export const oauthStates = pgTable(
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
    isPopup: boolean("is_popup").notNull().default(false),
    expiresAt: bigint("expires_at", { mode: "number" }).notNull(),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ name: "oauth_states_pkey", columns: [t.organizationId, t.stateHash] }),
    index("oauth_states_expires_idx").on(t.expiresAt),
  ],
);
