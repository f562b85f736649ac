import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { firstRow, onlyRow } from "@/db/rows";
import { dialpadConnections, oauthStates, type DialpadConnection, type OauthState } from "@/db/schema";

export type ConnectionTokens = Pick<
  DialpadConnection,
  "accessTokenCipher" | "refreshTokenCipher" | "accessTokenExpiresAt"
>;

export async function getDialpadConnection(db: Db, organizationId: number): Promise<DialpadConnection | undefined> {
  return firstRow(db.select().from(dialpadConnections).where(eq(dialpadConnections.organizationId, organizationId)));
}

export async function listDialpadConnections(db: Db): Promise<DialpadConnection[]> {
  return db.select().from(dialpadConnections);
}

export async function listConnectedOrganizationIds(db: Db): Promise<number[]> {
  const rows = await db
    .select({ organizationId: dialpadConnections.organizationId })
    .from(dialpadConnections)
    .where(eq(dialpadConnections.status, "connected"));
  return rows.map((row) => row.organizationId);
}

type ConnectionInsert = Omit<typeof dialpadConnections.$inferInsert, "id">;

/** Creates or replaces the organization's connection (a reconnect keeps the row and its synced data). */
export async function upsertDialpadConnection(db: Db, values: ConnectionInsert): Promise<DialpadConnection> {
  const rest: Partial<ConnectionInsert> = { ...values };
  delete rest.organizationId;
  return onlyRow(
    db
      .insert(dialpadConnections)
      .values(values)
      .onConflictDoUpdate({ target: dialpadConnections.organizationId, set: { ...rest, refreshLeaseUntil: null, refreshLeaseOwner: null } })
      .returning(),
  );
}

export async function updateDialpadConnection(
  db: Db,
  organizationId: number,
  values: Partial<Omit<DialpadConnection, "id" | "organizationId">>,
): Promise<void> {
  await db.update(dialpadConnections).set(values).where(eq(dialpadConnections.organizationId, organizationId));
}

export interface RefreshLease {
  organizationId: number;
  /** One id per refresh attempt: a lease is held by an attempt, not by a process. */
  owner: string;
}

const heldBy = (lease: RefreshLease) =>
  and(eq(dialpadConnections.organizationId, lease.organizationId), eq(dialpadConnections.refreshLeaseOwner, lease.owner));

/**
 * Takes the refresh lease when it is free or lapsed AND the stored access token is still the one the caller
 * judged stale, and returns the row as of that moment (its refresh token is the one to present). Conditioning
 * on the token closes the gap where a caller reads a stale row, the holder saves and releases, and the caller
 * then takes the free lease and presents the rotated refresh token. One statement: on PostgreSQL a racing
 * process re-checks the condition against the winner's row and gets nothing.
 */
export async function claimRefreshLease(
  db: Db,
  lease: RefreshLease & { staleAccessTokenCipher: string; now: number; leaseMs: number },
): Promise<DialpadConnection | undefined> {
  return firstRow(
    db
      .update(dialpadConnections)
      .set({ refreshLeaseUntil: lease.now + lease.leaseMs, refreshLeaseOwner: lease.owner })
      .where(
        and(
          eq(dialpadConnections.organizationId, lease.organizationId),
          eq(dialpadConnections.status, "connected"),
          eq(dialpadConnections.accessTokenCipher, lease.staleAccessTokenCipher),
          or(isNull(dialpadConnections.refreshLeaseUntil), lt(dialpadConnections.refreshLeaseUntil, lease.now)),
        ),
      )
      .returning(),
  );
}

/** Pushes the lease's end out while its token request runs; false once the lease is no longer this owner's. */
export async function renewRefreshLease(db: Db, lease: RefreshLease & { now: number; leaseMs: number }): Promise<boolean> {
  const renewed = await db
    .update(dialpadConnections)
    .set({ refreshLeaseUntil: lease.now + lease.leaseMs })
    .where(heldBy(lease))
    .returning({ organizationId: dialpadConnections.organizationId });
  return renewed.length === 1;
}

/**
 * Stores a rotated token pair and releases the lease in one statement, only while this owner still holds the
 * lease and the connection is still connected: a refresh that ends after a disconnect, a reconnect (both clear
 * the lease) or another process's takeover writes nothing. True when it was stored.
 */
export async function saveRefreshedTokens(
  db: Db,
  lease: RefreshLease,
  tokens: ConnectionTokens & { lastRefreshAt: number },
): Promise<boolean> {
  const saved = await db
    .update(dialpadConnections)
    .set({ ...tokens, refreshLeaseUntil: null, refreshLeaseOwner: null, lastErrorMessage: null, updatedAt: tokens.lastRefreshAt })
    .where(and(heldBy(lease), eq(dialpadConnections.status, "connected")))
    .returning({ organizationId: dialpadConnections.organizationId });
  return saved.length === 1;
}

/** Dialpad refused the refresh token: the connection needs a reconnect, unless it changed hands meanwhile. True when marked. */
export async function markRefreshRejected(db: Db, lease: RefreshLease, change: { message: string; now: number }): Promise<boolean> {
  const marked = await db
    .update(dialpadConnections)
    .set({
      status: "reconnect_needed",
      lastErrorMessage: change.message,
      refreshLeaseUntil: null,
      refreshLeaseOwner: null,
      updatedAt: change.now,
    })
    .where(and(heldBy(lease), eq(dialpadConnections.status, "connected")))
    .returning({ organizationId: dialpadConnections.organizationId });
  return marked.length === 1;
}

export async function releaseRefreshLease(db: Db, lease: RefreshLease): Promise<void> {
  await db.update(dialpadConnections).set({ refreshLeaseUntil: null, refreshLeaseOwner: null }).where(heldBy(lease));
}

export async function insertOauthState(db: Db, values: OauthState): Promise<void> {
  await db.insert(oauthStates).values(values);
}

/**
 * Deletes and returns the state row when it belongs to this user: a state can be used once, even by
 * racing callbacks, and a callback replayed by someone else neither sees nor burns it.
 */
export async function takeOauthState(
  db: Db,
  owner: { stateHash: string; organizationId: number; userId: number },
): Promise<OauthState | undefined> {
  return firstRow(
    db
      .delete(oauthStates)
      .where(
        and(
          eq(oauthStates.stateHash, owner.stateHash),
          eq(oauthStates.organizationId, owner.organizationId),
          eq(oauthStates.userId, owner.userId),
        ),
      )
      .returning(),
  );
}

export async function deleteExpiredOauthStates(db: Db, now: number): Promise<void> {
  await db.delete(oauthStates).where(lt(oauthStates.expiresAt, now));
}
