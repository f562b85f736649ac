import { type AnyPgColumn, bigint, boolean, index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";

export const employees = pgTable(
  "employees",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
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
    managerId: integer("manager_id").references((): AnyPgColumn => employees.id, { onDelete: "set null" }),
    isActive: boolean("is_active").notNull().default(true),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [
    uniqueIndex("employees_org_email_uq").on(t.organizationId, t.email),
    // Managers list their direct reports on every team page.
    index("employees_manager_idx").on(t.organizationId, t.managerId),
  ],
);
