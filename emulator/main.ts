// `npm run emulator`: a local Dialpad (OAuth2 + REST + webhooks) configured by EMULATOR_* variables.
import { loadConfig } from "./config";
import { startEmulator } from "./server";

async function main(): Promise<void> {
  const config = loadConfig();
  const emulator = await startEmulator(config);
  const { companies } = emulator.state.data;
  console.log(`[emulator] Dialpad emulator listening on ${emulator.url}`);
  for (const c of companies) console.log(`[emulator]   ${c.domain}: ${c.users.length} users, admin ${c.adminEmail}`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
