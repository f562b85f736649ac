import { loadEnvConfig } from "@next/env";
import { openDatabase, resolveDatabasePath } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { getEnv } from "@/lib/env";

// Read .env files the way `next start` does, so both use the same DATABASE_URL.
loadEnvConfig(process.cwd());

const url = getEnv().DATABASE_URL;
const db = openDatabase(url);
migrateDatabase(db);
db.$client.close();
console.log(`Database migrated: ${resolveDatabasePath(url)}`);
