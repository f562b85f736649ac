import { bigint, boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { mappingMethods } from "../enums";
import { employees } from "./employees";
import { organizations } from "./organizations";
import { users } from "./users";

// The organization's Dialpad directory as last fetched (every state). Rows are never deleted by a
// refresh: a user Dialpad stops listing keeps its row with removedAt set, so links and history stay.
export const dialpadUsers = pgTable(
  "dialpad_users",
  {
    id: integer("id").generatedByDefaultAsIdentity(),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    dialpadUserId: text("dialpad_user_id").notNull(),
    displayName: text("display_name"),
    firstName: text("first_name"),
    lastName: text("last_name"),
    /** Trimmed, lower-cased. */
    emails: jsonb("emails").$type<string[]>().notNull(),
    /** As Dialpad sent them; normalized to E.164 when matching. */
    phoneNumbers: jsonb("phone_numbers").$type<string[]>().notNull(),
    state: text("state"),
    /** Null: no phone license. */
    license: text("license"),
    isSuperAdmin: boolean("is_super_admin").notNull().default(false),
    timezone: text("timezone"),
    jobTitle: text("job_title"),
    firstSeenAt: bigint("first_seen_at", { mode: "number" }).notNull(),
    lastSeenAt: bigint("last_seen_at", { mode: "number" }).notNull(),
    removedAt: bigint("removed_at", { mode: "number" }),
    /** Set when the employee mapped to this user was erased: auto-mapping skips it and the sync stores none of its calls. */
    erasedAt: bigint("erased_at", { mode: "number" }),
  },
  (t) => [
    primaryKey({ name: "dialpad_users_pkey", columns: [t.organizationId, t.id] }),
    uniqueIndex("dialpad_users_org_user_uq").on(t.organizationId, t.dialpadUserId),
  ],
);

// At most one row per employee. method "manual" is an admin's decision that auto-mapping never
// changes; a manual row with a null dialpadUserId records "deliberately not mapped".
export const employeeDialpadLinks = pgTable(
  "employee_dialpad_links",
  {
    id: integer("id").generatedByDefaultAsIdentity(),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    employeeId: integer("employee_id").notNull(),
    dialpadUserId: text("dialpad_user_id"),
    method: text("method", { enum: mappingMethods }).notNull(),
    /** The email or E.164 number that matched (auto links only). */
    matchedValue: text("matched_value"),
    updatedByUserId: integer("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ name: "employee_dialpad_links_pkey", columns: [t.organizationId, t.id] }),
    foreignKey({ name: "employee_dialpad_links_employee_fk", columns: [t.organizationId, t.employeeId], foreignColumns: [employees.organizationId, employees.id] }).onDelete("cascade"),
    uniqueIndex("employee_dialpad_links_employee_uq").on(t.organizationId, t.employeeId),
    // A Dialpad user belongs to at most one employee (SQLite lets several NULLs through).
    uniqueIndex("employee_dialpad_links_user_uq").on(t.organizationId, t.dialpadUserId),
  ],
);

// Append-only audit of every mapping change. actorUserId null with actorName "Automatic" is auto-mapping.
export const mappingEvents = pgTable(
  "mapping_events",
  {
    id: integer("id").generatedByDefaultAsIdentity(),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    employeeId: integer("employee_id").notNull(),
    fromDialpadUserId: text("from_dialpad_user_id"),
    fromMethod: text("from_method", { enum: mappingMethods }),
    toDialpadUserId: text("to_dialpad_user_id"),
    toMethod: text("to_method", { enum: mappingMethods }),
    actorUserId: integer("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorName: text("actor_name").notNull(),
    reason: text("reason").notNull(),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
  },
  // An employee's mapping history, newest first.
  (t) => [
    primaryKey({ name: "mapping_events_pkey", columns: [t.organizationId, t.id] }),
    foreignKey({ name: "mapping_events_employee_fk", columns: [t.organizationId, t.employeeId], foreignColumns: [employees.organizationId, employees.id] }).onDelete("cascade"),
    index("mapping_events_org_employee_idx").on(t.organizationId, t.employeeId, t.createdAt),
  ],
);

// One row per organization: when the directory was last fetched and what could not be read.
export const dialpadDirectoryRefreshes = pgTable("dialpad_directory_refreshes", {
  organizationId: integer("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  refreshedAt: bigint("refreshed_at", { mode: "number" }).notNull(),
  userCount: integer("user_count").notNull(),
  /** Dialpad user records that failed validation and were skipped. */
  rejectedCount: integer("rejected_count").notNull(),
});
