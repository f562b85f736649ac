import path from "node:path";
import { defineConfig } from "vitest/config";

// Tests that touch the database run once per engine: the "sqlite" project runs every test, the
// "postgres" project runs these again against a real PostgreSQL server (tests/db/test-postgres.ts).
// *.cross-engine.test.ts files use both engines at once (schema parity, db:copy): postgres project only.
const databaseTests = ["app/**/*.test.ts", "db/**/*.test.ts", "lib/services/**/*.test.ts", "scripts/**/*.test.ts"];

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname), "server-only": path.resolve(__dirname, "tests/server-only-stub.ts") } },
  test: {
    exclude: ["node_modules/**", ".next/**", "tests/e2e/**"],
    // What next.config.ts's experimental.authInterrupts sets for the app, so forbidden() works in tests too.
    env: { TZ: "UTC", __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true" },
    pool: "forks",
    // Generous on purpose: the suite must pass on a busy two-core machine; no test relies on a timeout being short.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    setupFiles: ["tests/db/cleanup.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "sqlite",
          include: ["**/*.test.ts"],
          exclude: ["node_modules/**", ".next/**", "tests/e2e/**", "**/*.cross-engine.test.ts"],
          env: { DATABASE_URL: "./data/unused-by-tests.db" },
          globalSetup: ["tests/db/sqlite-global-setup.ts"],
        },
      },
      {
        extends: true,
        test: { name: "postgres", include: databaseTests, globalSetup: ["tests/db/postgres-global-setup.ts"] },
      },
    ],
  },
});
