import { and, eq, isNull, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { firstRow } from "@/db/rows";
import { userSessions, type UserSession } from "@/db/schema";

export async function insertUserSession(db: Db, values: UserSession): Promise<void> {
  await db.insert(userSessions).values(values);
}

export async function getUserSession(db: Db, id: string): Promise<UserSession | undefined> {
  return firstRow(db.select().from(userSessions).where(eq(userSessions.id, id)));
}

export async function touchUserSession(db: Db, params: { id: string; now: number; expiresAt: number }): Promise<void> {
  await db
    .update(userSessions)
    .set({ lastSeenAt: params.now, expiresAt: params.expiresAt })
    .where(and(eq(userSessions.id, params.id), isNull(userSessions.revokedAt)));
}

/** Revokes one session; false when it was already revoked or never existed. */
export async function revokeUserSession(db: Db, params: { id: string; now: number }): Promise<boolean> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: params.now })
    .where(and(eq(userSessions.id, params.id), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return rows.length > 0;
}

/** Revokes every live session of one user; returns how many were live. */
export async function revokeUserSessionsOfUser(db: Db, params: { organizationId: number; userId: number; now: number }): Promise<number> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: params.now })
    .where(
      and(eq(userSessions.organizationId, params.organizationId), eq(userSessions.userId, params.userId), isNull(userSessions.revokedAt)),
    )
    .returning({ id: userSessions.id });
  return rows.length;
}

export async function deleteUserSessionsExpiredBefore(db: Db, before: number): Promise<void> {
  await db.delete(userSessions).where(lt(userSessions.expiresAt, before));
}
