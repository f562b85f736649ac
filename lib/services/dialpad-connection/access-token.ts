import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "@/db/client";
import { getDialpadConnection } from "@/db/queries/dialpad-connections";
import { AppError } from "@/lib/errors";
import { refreshAccessToken } from "@/lib/integrations/dialpad/oauth";
import { defaultRefreshLeaseMs, notRefreshedHere, refreshIfLeaseFree, type RefreshOptions } from "./refresh-under-lease";
import { isStoredTokenFresh, requireConnected } from "./stored-token";
import { openConnectionSecret } from "./token-storage";

// A holder's token request times out after 15 s and a dead holder's lease lapses 20 s after its last renewal:
// a waiter gives up only well after both.
const waitLimitMs = 45_000;
const firstPollMs = 25;
const maxPollMs = 1_000;

export interface TokenOptions {
  now?: () => number;
  refresh?: typeof refreshAccessToken;
  /** How long a refresh lease lasts between renewals (tests shorten it). */
  leaseMs?: number;
}

// In-process single flight: concurrent callers for one organization share one refresh or one wait.
const inFlight = new Map<number, Promise<string>>();

/** A usable access token, refreshed first when it expires within the margin its lifetime calls for. */
export async function getDialpadAccessToken(db: Db, organizationId: number, options: TokenOptions = {}): Promise<string> {
  const now = options.now ?? Date.now;
  const connection = requireConnected(await getDialpadConnection(db, organizationId));
  if (isStoredTokenFresh(connection, now())) return openConnectionSecret(organizationId, "access_token", connection.accessTokenCipher);
  return refreshDialpadAccessToken(db, organizationId, null, options);
}

/**
 * Refreshes once for all concurrent callers in every process. `staleAccessToken` is the token Dialpad just
 * rejected with a 401: if the stored token already differs, someone else refreshed and that token is returned.
 */
export function refreshDialpadAccessToken(
  db: Db,
  organizationId: number,
  staleAccessToken: string | null,
  options: TokenOptions = {},
): Promise<string> {
  const running = inFlight.get(organizationId);
  if (running) return running;
  const refresh = refreshOrAwaitHolder(db, organizationId, staleAccessToken, {
    now: options.now ?? Date.now,
    refresh: options.refresh ?? refreshAccessToken,
    leaseMs: options.leaseMs ?? defaultRefreshLeaseMs,
  }).finally(() => inFlight.delete(organizationId));
  inFlight.set(organizationId, refresh);
  return refresh;
}

/** Refreshes when the lease is free; otherwise polls the stored token, backing off, until the holder saved one. */
async function refreshOrAwaitHolder(
  db: Db,
  organizationId: number,
  staleAccessToken: string | null,
  options: RefreshOptions,
): Promise<string> {
  const giveUpAt = performance.now() + waitLimitMs;
  for (let pollMs = firstPollMs; ; pollMs = Math.min(maxPollMs, pollMs * 2)) {
    const connection = requireConnected(await getDialpadConnection(db, organizationId));
    const current = openConnectionSecret(organizationId, "access_token", connection.accessTokenCipher);
    const refreshedElsewhere = staleAccessToken ? current !== staleAccessToken : isStoredTokenFresh(connection, options.now());
    if (refreshedElsewhere) return current;
    const refreshed = await refreshIfLeaseFree(db, connection, options);
    if (refreshed !== notRefreshedHere) return refreshed;
    if (performance.now() > giveUpAt) {
      throw new AppError("DIALPAD_ERROR", "Another process is refreshing the Dialpad token; try again shortly.");
    }
    await sleep(pollMs);
  }
}
