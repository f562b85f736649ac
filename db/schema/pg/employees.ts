import { bigint, boolean, foreignKey, index, integer, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { organizations } from "./organizations";

export const employees = pgTable(
  "employees",
  {
    id: integer("id").generatedByDefaultAsIdentity(),
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
    managerId: integer("manager_id"),
    isActive: boolean("is_active").notNull().default(true),
    /** Set when an admin hides the person (e.g. the CEO): no score views or exports, left out of baselines and team figures. */
    hiddenAt: bigint("hidden_at", { mode: "number" }),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ name: "employees_pkey", columns: [t.organizationId, t.id] }),
    // Deleting a manager clears only manager_id: the migration says ON DELETE SET NULL ("manager_id"),
    // which drizzle cannot declare (a plain SET NULL would null organization_id too).
    foreignKey({ name: "employees_manager_fk", columns: [t.organizationId, t.managerId], foreignColumns: [t.organizationId, t.id] }).onDelete("set null"),
    uniqueIndex("employees_org_email_uq").on(t.organizationId, t.email),
    // Managers list their direct reports on every team page.
    index("employees_manager_idx").on(t.organizationId, t.managerId),
  ],
);
