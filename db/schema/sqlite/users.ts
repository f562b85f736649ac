import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { userRoles } from "../enums";
import { organizations } from "./organizations";

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    // Stored lower-cased; sign-in looks users up by email alone, so it is unique across organizations.
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: userRoles }).notNull(),
    isActive: integer("is_active", { mode: "boolean" }).notNull().default(true),
    // Bumped to invalidate every JWT issued before (role change, deactivation, password reset).
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("users_organization_idx").on(t.organizationId)],
);
