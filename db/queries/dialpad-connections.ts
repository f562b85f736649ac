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

/**
 * Compare-and-set lease so only one process refreshes a connection's token at a time: one statement,
 * so on PostgreSQL a racing process re-checks the condition against the winner's row and gets nothing.
 */
export async function tryAcquireRefreshLease(
  db: Db,
  organizationId: number,
  owner: string,
  now: number,
  leaseMs: number,
): Promise<boolean> {
  const acquired = await db
    .update(dialpadConnections)
    .set({ refreshLeaseUntil: now + leaseMs, refreshLeaseOwner: owner })
    .where(
      and(
        eq(dialpadConnections.organizationId, organizationId),
        or(isNull(dialpadConnections.refreshLeaseUntil), lt(dialpadConnections.refreshLeaseUntil, now)),
      ),
    )
    .returning({ organizationId: dialpadConnections.organizationId });
  return acquired.length === 1;
}

/** Stores a rotated token pair and releases the lease in one statement, so a crash never keeps half of it. */
export async function saveRefreshedTokens(
  db: Db,
  organizationId: number,
  tokens: ConnectionTokens & { lastRefreshAt: number },
): Promise<void> {
  await db
    .update(dialpadConnections)
    .set({ ...tokens, refreshLeaseUntil: null, refreshLeaseOwner: null, lastErrorMessage: null, updatedAt: tokens.lastRefreshAt })
    .where(eq(dialpadConnections.organizationId, organizationId));
}

export async function releaseRefreshLease(db: Db, organizationId: number, owner: string): Promise<void> {
  await db
    .update(dialpadConnections)
    .set({ refreshLeaseUntil: null, refreshLeaseOwner: null })
    .where(and(eq(dialpadConnections.organizationId, organizationId), eq(dialpadConnections.refreshLeaseOwner, owner)));
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
