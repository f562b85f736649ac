import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { dataViewKinds, maskNumbersForOptions } from "../enums";
import { employees } from "./employees";
import { organizations } from "./organizations";
import { users } from "./users";

// One row per organization once an admin saves Settings → Privacy; no row means the defaults (enums.ts).
export const privacySettings = sqliteTable("privacy_settings", {
  organizationId: integer("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  callRetentionMonths: integer("call_retention_months").notNull(),
  scoreRetentionMonths: integer("score_retention_months").notNull(),
  maskNumbersFor: text("mask_numbers_for", { enum: maskNumbersForOptions }).notNull(),
  linkRecordings: integer("link_recordings", { mode: "boolean" }).notNull(),
  updatedAt: integer("updated_at").notNull(),
  /** When the daily retention job last ran for the organization. */
  retentionRanAt: integer("retention_ran_at"),
  /** The retention purge deleted calls that started before this instant: days up to it keep their stored scores. */
  callsPurgedBefore: integer("calls_purged_before"),
});

// "Who opened my data": one row each time someone else opened an employee's day, a call or an export.
// Rows older than 90 days are deleted by the retention job.
export const dataViews = sqliteTable(
  "data_views",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    employeeId: integer("employee_id")
      .notNull()
      .references(() => employees.id, { onDelete: "cascade" }),
    viewerUserId: integer("viewer_user_id").references(() => users.id, { onDelete: "set null" }),
    viewerName: text("viewer_name").notNull(),
    kind: text("kind", { enum: dataViewKinds }).notNull(),
    detail: text("detail"),
    createdAt: integer("created_at").notNull(),
  },
  // An employee's log, newest first; the purge by age.
  (t) => [index("data_views_org_employee_created_idx").on(t.organizationId, t.employeeId, t.createdAt)],
);
