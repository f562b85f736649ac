// npm run db:seed: the demo organization in DATABASE_URL, seeded from the Dialpad emulator at
// DIALPAD_BASE_URL (start it with `npm run emulator`). Does nothing when an organization exists.
import { randomBytes } from "node:crypto";
import { loadEnvConfig } from "@next/env";
import { getEnv } from "@/lib/env";
import { seedDemoIfEmpty } from "./demo-seed";

loadEnvConfig(process.cwd());

async function main(): Promise<void> {
  const password = process.env.DAYMARK_SEED_PASSWORD ?? randomBytes(9).toString("base64url");
  const logins = await seedDemoIfEmpty(getEnv().DIALPAD_BASE_URL, password);
  // Passwords stay in data/demo-logins.json (mode 0600), not in terminal scrollback or CI logs.
  console.log(`Admin: ${logins.admin.email}${logins.manager ? `, manager: ${logins.manager.email}` : ""}; passwords in data/demo-logins.json`);
}

main().catch((error: unknown) => {
  console.error(`db:seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
