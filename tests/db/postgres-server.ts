import pg from "pg";

/** Set by tests/db/postgres-global-setup.ts for the PostgreSQL project's workers. */
export interface PostgresTestServer {
  /** Any database on the server, for CREATE/DROP DATABASE. */
  adminUrl: string;
  templateName: string;
}

export function postgresTestServer(): PostgresTestServer {
  const adminUrl = process.env.DAYMARK_TEST_POSTGRES_ADMIN_URL;
  const templateName = process.env.DAYMARK_TEST_POSTGRES_TEMPLATE;
  if (!adminUrl || !templateName) throw new Error("The PostgreSQL test server is not set up (tests/db/postgres-global-setup.ts).");
  return { adminUrl, templateName };
}

/** Test databases are named after their run's template, so a run's teardown drops only its own. */
export function testDatabasePrefix(templateName: string): string {
  return `daymark_test_${templateName.replace(/^daymark_template_/, "")}_`;
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdminClient<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function createDatabaseFromTemplate(server: PostgresTestServer, name: string): Promise<string> {
  await withAdminClient(server.adminUrl, async (client) => {
    // Concurrent copies of one template can collide for a moment ("being accessed by other users").
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(server.templateName)}`);
        return;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  });
  return databaseUrl(server.adminUrl, name);
}

export async function dropDatabase(server: PostgresTestServer, name: string): Promise<void> {
  await withAdminClient(server.adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`));
}
