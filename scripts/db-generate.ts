import { spawnSync } from "node:child_process";

// `npm run db:generate -- --name <change>`: drizzle-kit generate for each engine with the same arguments
// (drizzle.config.ts picks the dialect from DAYMARK_DRIZZLE_DIALECT), so every schema change ships a
// migration in db/migrations/sqlite and db/migrations/pg. schema-parity.cross-engine.test.ts checks they agree.
const dialects = ["sqlite", "postgresql"] as const;
const args = process.argv.slice(2);

for (const dialect of dialects) {
  console.log(`\n== drizzle-kit generate (${dialect}) ${args.join(" ")}`);
  const result = spawnSync("npx", ["--no-install", "drizzle-kit", "generate", ...args], {
    stdio: "inherit",
    env: { ...process.env, DAYMARK_DRIZZLE_DIALECT: dialect },
    shell: process.platform === "win32",
  });
  if (result.status !== 0) {
    console.error(`drizzle-kit generate failed for ${dialect}${dialect === "postgresql" ? " (the SQLite migration above was written)" : ""}.`);
    process.exit(result.status ?? 1);
  }
}
