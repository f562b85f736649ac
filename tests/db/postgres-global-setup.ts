// vitest globalSetup of the "postgres" project: one server for the run, and one migrated template
// database that every test's fresh database is copied from (a copy takes ~50 ms; migrating, ~1 s).
import { randomBytes } from "node:crypto";
import { closeDatabase, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { databaseUrl, testDatabasePrefix, withAdminClient } from "./postgres-server";
import { startTestPostgres } from "./test-postgres";

export default async function setup(): Promise<() => Promise<void>> {
  const server = await startTestPostgres();
  const templateName = `daymark_template_${randomBytes(4).toString("hex")}`;
  await withAdminClient(server.adminUrl, (client) => client.query(`CREATE DATABASE "${templateName}"`));
  const template = openDatabase(databaseUrl(server.adminUrl, templateName));
  await migrateDatabase(template);
  await closeDatabase(template);
  process.env.DATABASE_URL = databaseUrl(server.adminUrl, templateName);
  process.env.DAYMARK_TEST_POSTGRES_ADMIN_URL = server.adminUrl;
  process.env.DAYMARK_TEST_POSTGRES_TEMPLATE = templateName;
  console.log(`Database engine for this project: ${server.description}`);
  return async () => {
    await withAdminClient(server.adminUrl, async (client) => {
      // Databases a killed worker could not drop carry this run's prefix; other runs' databases (a
      // second vitest on the same server) are theirs to drop.
      const leftovers = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [
        testDatabasePrefix(templateName),
      ]);
      for (const { datname } of leftovers.rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      await client.query(`DROP DATABASE IF EXISTS "${templateName}" WITH (FORCE)`);
    });
    await server.stop();
  };
}
