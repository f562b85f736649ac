import { bigint, boolean, foreignKey, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { dataViewKinds, maskNumbersForOptions } from "../enums";
import { employees } from "./employees";
import { organizations } from "./organizations";
import { users } from "./users";

// One row per organization once an admin saves Settings → Privacy; no row means the defaults (enums.ts).
export const privacySettings = pgTable("privacy_settings", {
  organizationId: integer("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  callRetentionMonths: integer("call_retention_months").notNull(),
  scoreRetentionMonths: integer("score_retention_months").notNull(),
  maskNumbersFor: text("mask_numbers_for", { enum: maskNumbersForOptions }).notNull(),
  linkRecordings: boolean("link_recordings").notNull(),
  updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
  /** When the daily retention job last ran for the organization. */
  retentionRanAt: bigint("retention_ran_at", { mode: "number" }),
  /** The retention purge deleted calls that started before this instant: days up to it keep their stored scores. */
  callsPurgedBefore: bigint("calls_purged_before", { mode: "number" }),
});

// "Who opened my data": one row each time someone else opened an employee's day, a call or an export.
// Rows older than 90 days are deleted by the retention job.
export const dataViews = pgTable(
  "data_views",
  {
    id: integer("id").generatedByDefaultAsIdentity(),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    employeeId: integer("employee_id").notNull(),
    viewerUserId: integer("viewer_user_id").references(() => users.id, { onDelete: "set null" }),
    viewerName: text("viewer_name").notNull(),
    kind: text("kind", { enum: dataViewKinds }).notNull(),
    detail: text("detail"),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ name: "data_views_pkey", columns: [t.organizationId, t.id] }),
    foreignKey({ name: "data_views_employee_fk", columns: [t.organizationId, t.employeeId], foreignColumns: [employees.organizationId, employees.id] }).onDelete("cascade"),
    // An employee's log, newest first; the purge by age.
    index("data_views_org_employee_created_idx").on(t.organizationId, t.employeeId, t.createdAt),
  ],
);
