import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { organizations } from "./organizations";

export const employees = sqliteTable(
  "employees",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // Lower-cased; an employee is linked to the app user with the same email.
    email: text("email").notNull(),
    // As entered; normalized to E.164 when matching Dialpad users.
    phone: text("phone"),
    // Null means "use the organization's timezone".
    timezone: text("timezone"),
    title: text("title"),
    managerId: integer("manager_id").references((): AnySQLiteColumn => employees.id, { onDelete: "set null" }),
    isActive: integer("is_active", { mode: "boolean" }).notNull().default(true),
    /** Set when an admin hides the person (e.g. the CEO): no score views or exports, left out of baselines and team figures. */
    hiddenAt: integer("hidden_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("employees_org_email_uq").on(t.organizationId, t.email),
    // Managers list their direct reports on every team page.
    index("employees_manager_idx").on(t.organizationId, t.managerId),
  ],
);
