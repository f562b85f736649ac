import { count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { lockForTransaction, transactionLockKeys } from "@/db/engines/transaction-lock";
import { forUpdate } from "@/db/locks";
import { firstRow, onlyRow } from "@/db/rows";
import { organizations, users, type NewOrganization, type NewUser, type Organization, type User } from "@/db/schema";
import { withTransaction } from "@/db/transaction";

export async function countOrganizations(db: Db): Promise<number> {
  return (await firstRow(db.select({ n: count() }).from(organizations)))?.n ?? 0;
}

export async function getOrganizationById(db: Db, id: number): Promise<Organization | undefined> {
  return firstRow(db.select().from(organizations).where(eq(organizations.id, id)));
}

/** Inside withTransaction: the organization, locked until the transaction ends (PostgreSQL). */
export async function getOrganizationForUpdate(tx: Db, id: number): Promise<Organization | undefined> {
  return firstRow(forUpdate(tx, tx.select().from(organizations).where(eq(organizations.id, id))));
}

export async function getOrganizationByDomain(db: Db, domain: string): Promise<Organization | undefined> {
  return firstRow(db.select().from(organizations).where(eq(organizations.domain, domain)));
}

export async function insertOrganization(db: Db, values: NewOrganization): Promise<Organization> {
  return onlyRow(db.insert(organizations).values(values).returning());
}

export type OrganizationSettings = Pick<Organization, "name" | "timezone" | "countryCode" | "dayStartHour" | "workWeek">;

export async function updateOrganization(db: Db, id: number, values: OrganizationSettings): Promise<Organization | undefined> {
  return firstRow(db.update(organizations).set(values).where(eq(organizations.id, id)).returning());
}

/**
 * Creates the first organization and its admin atomically. Returns null when an organization
 * already exists; the check runs under a lock held until the commit, so two set-ups cannot both win.
 */
export async function insertFirstOrganization(
  db: Db,
  organization: NewOrganization,
  admin: Omit<NewUser, "organizationId">,
): Promise<{ organization: Organization; admin: User } | null> {
  return withTransaction(db, async (tx) => {
    await lockForTransaction(tx, transactionLockKeys.firstOrganization);
    if ((await countOrganizations(tx)) > 0) return null;
    const org = await onlyRow(tx.insert(organizations).values(organization).returning());
    const user = await onlyRow(
      tx
        .insert(users)
        .values({ ...admin, organizationId: org.id })
        .returning(),
    );
    return { organization: org, admin: user };
  });
}
