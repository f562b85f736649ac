import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, type NewUser, type User, type UserRole } from "@/db/schema";

/** Sign-in looks users up by email alone (emails are unique across organizations). */
export async function getUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return db.select().from(users).where(eq(users.email, email)).get();
}

export async function getUserById(db: Db, params: { organizationId: number; userId: number }): Promise<User | undefined> {
  return db
    .select()
    .from(users)
    .where(and(eq(users.organizationId, params.organizationId), eq(users.id, params.userId)))
    .get();
}

export async function listUsers(db: Db, organizationId: number): Promise<User[]> {
  return db.select().from(users).where(eq(users.organizationId, organizationId)).orderBy(asc(users.name)).all();
}

export async function insertUser(db: Db, values: NewUser): Promise<User> {
  return db.insert(users).values(values).returning().get();
}

/** Any change to role or active flag bumps sessionVersion, which signs the user out everywhere. */
export async function updateUserAccess(
  db: Db,
  params: { organizationId: number; userId: number; role?: UserRole; isActive?: boolean },
): Promise<User | undefined> {
  const { organizationId, userId, ...changes } = params;
  return db
    .update(users)
    .set({ ...changes, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.organizationId, organizationId), eq(users.id, userId)))
    .returning()
    .get();
}
