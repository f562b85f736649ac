import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import {
  deleteUserSessionsExpiredBefore,
  getUserSession,
  insertUserSession,
  revokeUserSession,
  touchUserSession,
} from "@/db/queries/user-sessions";
import type { User } from "@/db/schema";
import type { Viewer } from "@/lib/services/access/viewer";
import { loadViewer, type SessionClaims } from "./load-viewer";

export const sessionMaxAgeMs = 8 * 60 * 60 * 1000;
// A session slides like the JWT next-auth re-issues on use: it expires this long after its last use,
// recorded at most this often so most reads stay reads.
const lastSeenResolutionMs = 5 * 60 * 1000;

/** A new server-side session for a verified user; its random id is what the JWT carries. */
export async function startUserSession(db: Db, user: Pick<User, "id" | "organizationId">, now = Date.now()): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await deleteUserSessionsExpiredBefore(db, now);
  await insertUserSession(db, {
    id,
    userId: user.id,
    organizationId: user.organizationId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + sessionMaxAgeMs,
    revokedAt: null,
  });
  return id;
}

/** Sign-out: the session reads nothing afterwards, whoever still holds its cookie. */
export async function endUserSession(db: Db, sessionId: string, now = Date.now()): Promise<void> {
  await revokeUserSession(db, { id: sessionId, now });
}

/** Whether a session can still be used, for next-auth's jwt callback (lib/auth.ts). */
export async function isUserSessionLive(db: Db, sessionId: string, now = Date.now()): Promise<boolean> {
  const session = await getUserSession(db, sessionId);
  return session !== undefined && session.revokedAt === null && session.expiresAt > now;
}

/**
 * The viewer for a session cookie's claims, or null when the session was revoked, has expired, or
 * belongs to someone else, or when loadViewer refuses the user (deactivated, role or version changed).
 */
export async function loadSessionViewer(db: Db, claims: SessionClaims & { sessionId: string }, now = Date.now()): Promise<Viewer | null> {
  const session = await getUserSession(db, claims.sessionId);
  if (!session || session.revokedAt !== null || session.expiresAt <= now) return null;
  if (session.userId !== claims.userId || session.organizationId !== claims.organizationId) return null;
  const viewer = await loadViewer(db, claims);
  if (viewer && now - session.lastSeenAt >= lastSeenResolutionMs) {
    await touchUserSession(db, { id: session.id, now, expiresAt: now + sessionMaxAgeMs });
  }
  return viewer;
}
