import { openDatabase, resolveDatabasePath } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { getEnv } from "@/lib/env";

const url = getEnv().DATABASE_URL;
const db = openDatabase(url);
migrateDatabase(db);
db.$client.close();
console.log(`Database migrated: ${resolveDatabasePath(url)}`);
