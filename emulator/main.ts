// `npm run emulator`: a local Dialpad (OAuth2 + REST + webhooks) configured by EMULATOR_* variables.
import { loadConfig } from "./config";
import { keepStateFile, loadStateFile } from "./persist";
import { startEmulator } from "./server";

async function main(): Promise<void> {
  const config = loadConfig();
  const emulator = await startEmulator(config);
  const stateFile = process.env.EMULATOR_STATE_FILE;
  if (stateFile && loadStateFile(emulator.state, stateFile)) console.log(`[emulator] Restored grants and webhooks from ${stateFile}`);
  const stopSaving = stateFile ? keepStateFile(emulator.state, stateFile) : () => {};
  const { companies } = emulator.state.data;
  console.log(`[emulator] Dialpad emulator listening on ${emulator.url}`);
  for (const c of companies) console.log(`[emulator]   ${c.domain}: ${c.users.length} users, admin ${c.adminEmail}`);
  const stop = () => {
    stopSaving();
    void emulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
