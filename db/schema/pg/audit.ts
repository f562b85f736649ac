import { bigint, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { auditActions } from "../enums";
import { organizations } from "./organizations";
import { users } from "./users";

// Append-only record of who changed what in an organization's settings and access. No query updates
// or deletes a row; only deleting the organization removes them. actorName keeps the actor's name
// when the user is deleted (actorUserId becomes null); "Automatic" is work nobody started by hand.
export const auditEvents = pgTable(
  "audit_events",
  {
    id: integer("id").generatedByDefaultAsIdentity(),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    actorUserId: integer("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorName: text("actor_name").notNull(),
    action: text("action", { enum: auditActions }).notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    summary: text("summary").notNull(),
    /** JSON text: what changed, for the curious admin. */
    details: text("details"),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ name: "audit_events_pkey", columns: [t.organizationId, t.id] }),
    // The log page: an organization's events, newest first.
    index("audit_events_org_created_idx").on(t.organizationId, t.createdAt),
    // The log page filtered by action.
    index("audit_events_org_action_created_idx").on(t.organizationId, t.action, t.createdAt),
  ],
);
