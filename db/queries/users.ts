import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { firstRow, onlyRow } from "@/db/rows";
import { users, type NewUser, type User, type UserRole } from "@/db/schema";

/** Sign-in looks users up by email alone (emails are unique across organizations). */
export async function getUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return firstRow(db.select().from(users).where(eq(users.email, email)));
}

export async function getUserById(db: Db, params: { organizationId: number; userId: number }): Promise<User | undefined> {
  return firstRow(
    db
      .select()
      .from(users)
      .where(and(eq(users.organizationId, params.organizationId), eq(users.id, params.userId))),
  );
}

export async function listUsers(db: Db, organizationId: number): Promise<User[]> {
  return db.select().from(users).where(eq(users.organizationId, organizationId)).orderBy(asc(users.name), asc(users.id));
}

export async function insertUser(db: Db, values: NewUser): Promise<User> {
  return onlyRow(db.insert(users).values(values).returning());
}

/** Any change to role or active flag bumps sessionVersion, which signs the user out everywhere. */
export async function updateUserAccess(
  db: Db,
  params: { organizationId: number; userId: number; role?: UserRole; isActive?: boolean },
): Promise<User | undefined> {
  const { organizationId, userId, ...changes } = params;
  return firstRow(
    db
      .update(users)
      .set({ ...changes, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.organizationId, organizationId), eq(users.id, userId)))
      .returning(),
  );
}

/** A new password also bumps sessionVersion, so every token issued before stops working. */
export async function updateUserPassword(
  db: Db,
  params: { organizationId: number; userId: number; passwordHash: string },
): Promise<User | undefined> {
  return firstRow(
    db
      .update(users)
      .set({ passwordHash: params.passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.organizationId, params.organizationId), eq(users.id, params.userId)))
      .returning(),
  );
}
