import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { mappingMethods } from "../enums";
import { employees } from "./employees";
import { organizations } from "./organizations";
import { users } from "./users";

// The organization's Dialpad directory as last fetched (every state). Rows are never deleted by a
// refresh: a user Dialpad stops listing keeps its row with removedAt set, so links and history stay.
export const dialpadUsers = sqliteTable(
  "dialpad_users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    dialpadUserId: text("dialpad_user_id").notNull(),
    displayName: text("display_name"),
    firstName: text("first_name"),
    lastName: text("last_name"),
    /** Trimmed, lower-cased. */
    emails: text("emails", { mode: "json" }).$type<string[]>().notNull(),
    /** As Dialpad sent them; normalized to E.164 when matching. */
    phoneNumbers: text("phone_numbers", { mode: "json" }).$type<string[]>().notNull(),
    state: text("state"),
    /** Null: no phone license. */
    license: text("license"),
    isSuperAdmin: integer("is_super_admin", { mode: "boolean" }).notNull().default(false),
    timezone: text("timezone"),
    jobTitle: text("job_title"),
    firstSeenAt: integer("first_seen_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
    removedAt: integer("removed_at"),
    /** Set when the employee mapped to this user was erased: auto-mapping skips it and the sync stores none of its calls. */
    erasedAt: integer("erased_at"),
  },
  (t) => [uniqueIndex("dialpad_users_org_user_uq").on(t.organizationId, t.dialpadUserId)],
);

// At most one row per employee. method "manual" is an admin's decision that auto-mapping never
// changes; a manual row with a null dialpadUserId records "deliberately not mapped".
export const employeeDialpadLinks = sqliteTable(
  "employee_dialpad_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    employeeId: integer("employee_id")
      .notNull()
      .references(() => employees.id, { onDelete: "cascade" }),
    dialpadUserId: text("dialpad_user_id"),
    method: text("method", { enum: mappingMethods }).notNull(),
    /** The email or E.164 number that matched (auto links only). */
    matchedValue: text("matched_value"),
    updatedByUserId: integer("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("employee_dialpad_links_employee_uq").on(t.organizationId, t.employeeId),
    // A Dialpad user belongs to at most one employee (SQLite lets several NULLs through).
    uniqueIndex("employee_dialpad_links_user_uq").on(t.organizationId, t.dialpadUserId),
  ],
);

// Append-only audit of every mapping change. actorUserId null with actorName "Automatic" is auto-mapping.
export const mappingEvents = sqliteTable(
  "mapping_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    employeeId: integer("employee_id")
      .notNull()
      .references(() => employees.id, { onDelete: "cascade" }),
    fromDialpadUserId: text("from_dialpad_user_id"),
    fromMethod: text("from_method", { enum: mappingMethods }),
    toDialpadUserId: text("to_dialpad_user_id"),
    toMethod: text("to_method", { enum: mappingMethods }),
    actorUserId: integer("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorName: text("actor_name").notNull(),
    reason: text("reason").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  // An employee's mapping history, newest first.
  (t) => [index("mapping_events_org_employee_idx").on(t.organizationId, t.employeeId, t.createdAt)],
);

// One row per organization: when the directory was last fetched and what could not be read.
export const dialpadDirectoryRefreshes = sqliteTable("dialpad_directory_refreshes", {
  organizationId: integer("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  refreshedAt: integer("refreshed_at").notNull(),
  userCount: integer("user_count").notNull(),
  /** Dialpad user records that failed validation and were skipped. */
  rejectedCount: integer("rejected_count").notNull(),
});
