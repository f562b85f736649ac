import { bigint, boolean, index, integer, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { callDirections } from "../../../lib/calls/types";
import { organizations } from "./organizations";

// One row per Dialpad call leg (a CallLeg plus its raw payload). Written only through the sync's
// idempotent upsert on (organization_id, dialpad_call_id), by polling and webhooks alike.
export const calls = pgTable(
  "calls",
  {
    id: integer("id").generatedByDefaultAsIdentity(),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    dialpadCallId: text("dialpad_call_id").notNull(),
    dialpadUserId: text("dialpad_user_id"),
    masterCallId: text("master_call_id"),
    entryPointCallId: text("entry_point_call_id"),
    operatorCallId: text("operator_call_id"),
    direction: text("direction", { enum: callDirections }).notNull(),
    state: text("state").notNull(),
    startedAt: bigint("started_at", { mode: "number" }).notNull(),
    rangAt: bigint("rang_at", { mode: "number" }),
    connectedAt: bigint("connected_at", { mode: "number" }),
    endedAt: bigint("ended_at", { mode: "number" }),
    eventTimestamp: bigint("event_timestamp", { mode: "number" }).notNull(),
    durationMs: bigint("duration_ms", { mode: "number" }),
    externalNumber: text("external_number"),
    internalNumber: text("internal_number"),
    contactName: text("contact_name"),
    contactPhone: text("contact_phone"),
    contactType: text("contact_type"),
    targetType: text("target_type"),
    targetName: text("target_name"),
    entryPointTargetName: text("entry_point_target_name"),
    isTransferred: boolean("is_transferred").notNull(),
    wasRecorded: boolean("was_recorded").notNull(),
    hasVoicemail: boolean("has_voicemail").notNull(),
    /** A caller's leg that reached the callee's voicemail: seen in its own states, or on its internal receiver's leg. */
    leftVoicemail: boolean("left_voicemail").notNull().default(false),
    isInternal: boolean("is_internal").notNull(),
    /** JSON array of strings. */
    labels: text("labels").notNull().default("[]"),
    /** The Dialpad payload cut to its metadata (lib/integrations/dialpad/stored-payload.ts), for the admin's raw view. */
    raw: text("raw").notNull(),
    firstSyncedAt: bigint("first_synced_at", { mode: "number" }).notNull(),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ name: "calls_pkey", columns: [t.organizationId, t.id] }),
    uniqueIndex("calls_org_dialpad_call_uq").on(t.organizationId, t.dialpadCallId),
    // An employee's day: their Dialpad user's legs by start time. It holds every column the score
    // recompute reads of a leg (db/engines/*-scores.ts legColumns), so those reads never touch the
    // table's rows: at 10 M legs a user's legs are thousands of random pages of it, a few of this.
    index("calls_org_user_legs_idx").on(
      t.organizationId, t.dialpadUserId, t.startedAt, t.id, t.dialpadCallId, t.masterCallId, t.entryPointCallId,
      t.direction, t.state, t.rangAt, t.connectedAt, t.endedAt, t.hasVoicemail, t.leftVoicemail, t.targetType, t.labels,
    ),
    // Other legs of the same call in the call detail.
    index("calls_org_master_idx").on(t.organizationId, t.masterCallId),
    index("calls_org_entry_point_idx").on(t.organizationId, t.entryPointCallId),
    // Score recomputation picks up legs changed since its watermark.
    index("calls_org_updated_idx").on(t.organizationId, t.updatedAt),
  ],
);
