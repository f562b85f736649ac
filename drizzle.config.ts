import { defineConfig } from "drizzle-kit";

// One config per engine: `npm run db:generate -- --name <change>` runs drizzle-kit with both
// (DAYMARK_DRIZZLE_DIALECT picks one), so every schema change ships a migration for each.
const isPostgres = process.env.DAYMARK_DRIZZLE_DIALECT === "postgresql";

export default defineConfig(
  isPostgres
    ? { dialect: "postgresql", schema: "./db/schema/pg/index.ts", out: "./db/migrations/pg" }
    : { dialect: "sqlite", schema: "./db/schema/sqlite/index.ts", out: "./db/migrations/sqlite" },
);
