import path from "node:path";
import { openDatabase, type Db } from "@/db/client";
import { parseDatabaseUrl } from "@/db/engine";
import { getOrganizationByDomain } from "@/db/queries/organizations";
import type { Organization } from "@/db/schema";
import { e2eEnv } from "../env";
import { firstOrg } from "./accounts";

let db: Db | undefined;

/**
 * The app server's own database, opened from the test process to arrange data with the factories:
 * its SQLite file (WAL lets both processes use it at once) or its PostgreSQL database.
 */
export function getE2eDb(): Db {
  const url = e2eEnv.DATABASE_URL ?? ".e2e/app.db";
  db ??= openDatabase(parseDatabaseUrl(url).engine === "postgres" ? url : path.resolve(__dirname, "../../..", url));
  return db;
}

/** The organization created through the UI by first-run.setup.ts. */
export async function getFirstOrganization(): Promise<Organization> {
  const organization = await getOrganizationByDomain(getE2eDb(), firstOrg.domain);
  if (!organization) throw new Error("first-run.setup.ts has not created the first organization");
  return organization;
}
