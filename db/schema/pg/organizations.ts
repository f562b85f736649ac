import { bigint, integer, pgTable, text } from "drizzle-orm/pg-core";

export const organizations = pgTable("organizations", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  name: text("name").notNull(),
  // The seed's "registered domain": users' emails and the Dialpad company must match it.
  domain: text("domain").notNull().unique(),
  timezone: text("timezone").notNull(),
  // ISO 3166 alpha-2, the default region when normalizing phone numbers.
  countryCode: text("country_code").notNull().default("US"),
  dayStartHour: integer("day_start_hour").notNull().default(0),
  // ISO weekdays (1 = Monday … 7 = Sunday) that count as work days, comma-separated.
  workWeek: text("work_week").notNull().default("1,2,3,4,5"),
  createdAt: bigint("created_at", { mode: "number" }).notNull(),
});
