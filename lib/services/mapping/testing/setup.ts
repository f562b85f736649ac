import type { Db } from "@/db/client";
import type { Organization } from "@/db/schema";
import type { Viewer } from "@/lib/services/access/viewer";
import { createTestDb } from "@/tests/db";
import { createOrganization, createViewer } from "@/tests/factories";
import { refreshDialpadUsers } from "../refresh-dialpad-users";
import { createFakeDirectoryClient, fakeDialpadUser, type FakeDialpadUser } from "./fake-directory";

export type MappingTestContext = { db: Db; organization: Organization; admin: Viewer };

/** A fresh database with an organization (US numbers by default) and an admin without an employee record. */
export async function setUpMappingTest(countryCode = "US"): Promise<MappingTestContext> {
  const db = await createTestDb();
  const organization = await createOrganization(db, { countryCode });
  const { viewer } = await createViewer(db, organization, { role: "admin", hasEmployee: false, name: "Ada Admin" });
  return { db, organization, admin: viewer };
}

/** Stores these users as the organization's Dialpad directory (and auto-maps, as a real refresh does). */
export async function givenDialpadUsers(context: MappingTestContext, users: FakeDialpadUser[]) {
  return refreshDialpadUsers(context.db, context.organization.id, createFakeDirectoryClient([users.map(fakeDialpadUser)]));
}
