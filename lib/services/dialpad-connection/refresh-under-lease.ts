import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import {
  claimRefreshLease,
  markRefreshRejected,
  releaseRefreshLease,
  renewRefreshLease,
  saveRefreshedTokens,
  type RefreshLease,
} from "@/db/queries/dialpad-connections";
import { withTransaction } from "@/db/transaction";
import { DialpadInvalidGrantError } from "@/lib/integrations/dialpad/errors";
import type { refreshAccessToken, TokenSet } from "@/lib/integrations/dialpad/oauth";
import { afterDialpadReconnectNeeded } from "./lifecycle";
import { disconnectedError, type ConnectedConnection } from "./stored-token";
import { openConnectionSecret, sealConnectionSecret } from "./token-storage";

// Renewed every third of its length while the token request runs, so two late renewals (a stalled event
// loop, a busy database) do not let it lapse under a live request; a holder that died frees it this long
// after its last renewal.
export const defaultRefreshLeaseMs = 20_000;

export interface RefreshOptions {
  now: () => number;
  refresh: typeof refreshAccessToken;
  leaseMs: number;
}

/** This attempt did not refresh: another attempt holds the lease, or the connection changed under it. */
export const notRefreshedHere = Symbol("notRefreshedHere");

/**
 * Refreshes the token `stale` holds, if this attempt can take the lease for it. The token is stored only
 * while the attempt still holds the lease and the connection is still connected.
 */
export async function refreshIfLeaseFree(
  db: Db,
  stale: ConnectedConnection,
  options: RefreshOptions,
): Promise<string | typeof notRefreshedHere> {
  const { organizationId } = stale;
  const lease: RefreshLease = { organizationId, owner: randomUUID() };
  const claimed = await claimRefreshLease(db, {
    ...lease,
    staleAccessTokenCipher: stale.accessTokenCipher,
    now: options.now(),
    leaseMs: options.leaseMs,
  });
  if (!claimed) return notRefreshedHere;
  if (!claimed.refreshTokenCipher) {
    return rejected(db, lease, "Dialpad issued no refresh token; reconnect to continue syncing.", options);
  }
  const refreshToken = openConnectionSecret(organizationId, "refresh_token", claimed.refreshTokenCipher);
  let tokens: TokenSet;
  try {
    tokens = await whileRenewing(db, lease, options, () => options.refresh(refreshToken, { now: options.now }));
  } catch (error) {
    if (error instanceof DialpadInvalidGrantError) {
      const message = "Dialpad no longer accepts Daymark's authorization (invalid_grant). Reconnect Dialpad; all synced data is kept.";
      return rejected(db, lease, message, options);
    }
    // A transient failure never marks the connection broken; the next request tries again.
    await releaseRefreshLease(db, lease);
    throw error;
  }
  const lastRefreshAt = options.now();
  const saved = await withTransaction(db, (tx) =>
    saveRefreshedTokens(tx, lease, {
      accessTokenCipher: sealConnectionSecret(organizationId, "access_token", tokens.accessToken),
      refreshTokenCipher: sealConnectionSecret(organizationId, "refresh_token", tokens.refreshToken ?? refreshToken),
      accessTokenExpiresAt: tokens.expiresAt,
      lastRefreshAt,
    }),
  );
  return saved ? tokens.accessToken : notRefreshedHere;
}

/** A refused refresh breaks the connection, unless it was disconnected or reconnected meanwhile. */
async function rejected(db: Db, lease: RefreshLease, message: string, options: RefreshOptions): Promise<typeof notRefreshedHere> {
  const now = options.now();
  const isMarked = await withTransaction(db, async (tx) => {
    const marked = await markRefreshRejected(tx, lease, { message, now });
    if (marked) await afterDialpadReconnectNeeded(tx, lease.organizationId, message, now);
    return marked;
  });
  if (isMarked) throw disconnectedError();
  return notRefreshedHere;
}

async function whileRenewing<T>(db: Db, lease: RefreshLease, options: RefreshOptions, work: () => Promise<T>): Promise<T> {
  let renewal: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    // A failed renewal is retried at the next tick; one after the lease changed hands matches no row.
    renewal = renewal
      .then(() => renewRefreshLease(db, { ...lease, now: options.now(), leaseMs: options.leaseMs }))
      .catch(() => undefined);
  }, options.leaseMs / 3);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    await renewal;
  }
}
