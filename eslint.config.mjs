import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// db/ is the only door to the database: nothing in the product imports a driver or drizzle itself.
const databaseImports = {
  patterns: [
    { group: ["better-sqlite3", "pg", "pg-*", "postgres", "drizzle-orm", "drizzle-orm/*"], message: "Only db/ talks to the database: add a function to db/queries/." },
    { group: ["@/db/engines/*", "@/db/schema/sqlite*", "@/db/schema/pg*"], message: "Engine specifics stay inside db/." },
  ],
};

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", "data/**", ".e2e/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    files: ["app/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "proxy.ts", "instrumentation.ts"],
    rules: { "no-restricted-imports": ["error", databaseImports] },
  },
];

export default config;
