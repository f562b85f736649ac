// Before the end-to-end app server starts: an empty database at DATABASE_URL (a deleted SQLite file,
// or a dropped and re-created PostgreSQL database).
import fs from "node:fs";
import { parseDatabaseUrl } from "@/db/engine";
import { dropDatabase, withAdminClient } from "@/tests/db/postgres-server";

async function main(): Promise<void> {
  const target = parseDatabaseUrl(process.env.DATABASE_URL ?? "");
  if (target.engine === "sqlite") {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${target.file}${suffix}`, { force: true });
    return;
  }
  const url = new URL(target.url);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  await dropDatabase({ adminUrl: url.toString(), templateName: "" }, name);
  await withAdminClient(url.toString(), (client) => client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`));
}

void main();
