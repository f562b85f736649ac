import path from "node:path";
import { openDatabase, type Db } from "@/db/client";
import { getOrganizationByDomain } from "@/db/queries/organizations";
import type { Organization } from "@/db/schema";
import { e2eEnv } from "../env";
import { firstOrg } from "./accounts";

let db: Db | undefined;

/**
 * The app server's own SQLite file, opened from the test process to arrange data with the
 * factories (WAL lets both processes use it at once).
 */
export function getE2eDb(): Db {
  db ??= openDatabase(path.resolve(__dirname, "../../..", e2eEnv.DATABASE_URL ?? ".e2e/app.db"));
  return db;
}

/** The organization created through the UI by first-run.setup.ts. */
export async function getFirstOrganization(): Promise<Organization> {
  const organization = await getOrganizationByDomain(getE2eDb(), firstOrg.domain);
  if (!organization) throw new Error("first-run.setup.ts has not created the first organization");
  return organization;
}
