import { bigint, boolean, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { userRoles } from "../enums";
import { organizations } from "./organizations";

export const users = pgTable(
  "users",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    // Stored lower-cased; sign-in looks users up by email alone, so it is unique across organizations.
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: userRoles }).notNull(),
    isActive: boolean("is_active").notNull().default(true),
    // Bumped to invalidate every JWT issued before (role change, deactivation, password reset).
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
  },
  (t) => [index("users_organization_idx").on(t.organizationId)],
);
