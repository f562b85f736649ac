import { count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations, users, type NewOrganization, type NewUser, type Organization, type User } from "@/db/schema";

export async function countOrganizations(db: Db): Promise<number> {
  return db.select({ n: count() }).from(organizations).get()?.n ?? 0;
}

export async function getOrganizationById(db: Db, id: number): Promise<Organization | undefined> {
  return db.select().from(organizations).where(eq(organizations.id, id)).get();
}

export async function getOrganizationByDomain(db: Db, domain: string): Promise<Organization | undefined> {
  return db.select().from(organizations).where(eq(organizations.domain, domain)).get();
}

export async function insertOrganization(db: Db, values: NewOrganization): Promise<Organization> {
  return db.insert(organizations).values(values).returning().get();
}

export type OrganizationSettings = Pick<Organization, "name" | "timezone" | "countryCode" | "dayStartHour" | "workWeek">;

export async function updateOrganization(db: Db, id: number, values: OrganizationSettings): Promise<Organization> {
  return db.update(organizations).set(values).where(eq(organizations.id, id)).returning().get();
}

/**
 * Creates the first organization and its admin atomically. Returns null when an organization
 * already exists; the check runs inside an immediate transaction so two set-ups cannot both win.
 */
export async function insertFirstOrganization(
  db: Db,
  organization: NewOrganization,
  admin: Omit<NewUser, "organizationId">,
): Promise<{ organization: Organization; admin: User } | null> {
  return db.transaction(
    (tx) => {
      const existing = tx.select({ n: count() }).from(organizations).get()?.n ?? 0;
      if (existing > 0) return null;
      const org = tx.insert(organizations).values(organization).returning().get();
      const user = tx
        .insert(users)
        .values({ ...admin, organizationId: org.id })
        .returning()
        .get();
      return { organization: org, admin: user };
    },
    { behavior: "immediate" },
  );
}
