import { loadEnvConfig } from "@next/env";
import { closeDatabase, openDatabase } from "@/db/client";
import { getEnv } from "@/lib/env";
import { reencryptConnectionSecrets } from "@/lib/services/dialpad-connection/reencrypt-secrets";

// Usage: add the new key to TOKEN_KEYS, make it TOKEN_KEY_ACTIVE, run `npx tsx scripts/rotate-token-keys.ts`,
// and remove the old key from TOKEN_KEYS once this reports 0 remaining.
loadEnvConfig(process.cwd());
const { DATABASE_URL, TOKEN_KEY_ACTIVE: activeKeyId } = getEnv();
const db = openDatabase(DATABASE_URL);
reencryptConnectionSecrets(db)
  .then(({ resealed, remainingOnOldKeys }) => {
    console.log(`Re-sealed ${resealed} stored value(s) under key id "${activeKeyId}"; ${remainingOnOldKeys} remain under old key ids.`);
  })
  .finally(() => closeDatabase(db));
