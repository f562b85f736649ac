import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import {
  getDialpadConnection,
  releaseRefreshLease,
  saveRefreshedTokens,
  tryAcquireRefreshLease,
  updateDialpadConnection,
} from "@/db/queries/dialpad-connections";
import type { DialpadConnection } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { DialpadInvalidGrantError } from "@/lib/integrations/dialpad/errors";
import { refreshAccessToken } from "@/lib/integrations/dialpad/oauth";
import { openConnectionSecret, sealConnectionSecret } from "./token-storage";

export const refreshMarginMs = 5 * 60_000;
const leaseMs = 15_000;
const leaseWaitMs = 12_000;
const leasePollMs = 50;
const processOwner = randomUUID();

export interface TokenOptions {
  now?: () => number;
  refresh?: typeof refreshAccessToken;
}

// In-process single flight: concurrent callers for one organization share one refresh.
const inFlight = new Map<number, Promise<string>>();

/** A usable access token, refreshed first when it expires within the margin. */
export async function getDialpadAccessToken(db: Db, organizationId: number, options: TokenOptions = {}): Promise<string> {
  const now = options.now ?? Date.now;
  const connection = requireConnected(await getDialpadConnection(db, organizationId));
  if (isFresh(connection, now())) return openConnectionSecret(organizationId, "access_token", connection.accessTokenCipher!);
  return refreshDialpadAccessToken(db, organizationId, null, options);
}

/**
 * Refreshes once for all concurrent callers. `staleAccessToken` is the token Dialpad just rejected with a 401:
 * if the stored token already differs, someone else refreshed and that token is returned instead.
 */
export function refreshDialpadAccessToken(
  db: Db,
  organizationId: number,
  staleAccessToken: string | null,
  options: TokenOptions = {},
): Promise<string> {
  const running = inFlight.get(organizationId);
  if (running) return running;
  const refresh = refreshUnderLease(db, organizationId, staleAccessToken, options).finally(() =>
    inFlight.delete(organizationId),
  );
  inFlight.set(organizationId, refresh);
  return refresh;
}

async function refreshUnderLease(
  db: Db,
  organizationId: number,
  staleAccessToken: string | null,
  options: TokenOptions,
): Promise<string> {
  const now = options.now ?? Date.now;
  const deadline = now() + leaseWaitMs;
  for (;;) {
    const connection = requireConnected(await getDialpadConnection(db, organizationId));
    const current = openConnectionSecret(organizationId, "access_token", connection.accessTokenCipher!);
    const refreshedElsewhere = staleAccessToken ? current !== staleAccessToken : isFresh(connection, now());
    if (refreshedElsewhere) return current;
    if (await tryAcquireRefreshLease(db, organizationId, processOwner, now(), leaseMs)) {
      return refreshHoldingLease(db, connection, options);
    }
    if (now() > deadline) throw new AppError("DIALPAD_ERROR", "Another process is refreshing the Dialpad token; try again shortly.");
    await new Promise((resolve) => setTimeout(resolve, leasePollMs));
  }
}

async function refreshHoldingLease(db: Db, connection: DialpadConnection, options: TokenOptions): Promise<string> {
  const { organizationId } = connection;
  const now = options.now ?? Date.now;
  const refresh = options.refresh ?? refreshAccessToken;
  if (!connection.refreshTokenCipher) {
    await markReconnectNeeded(db, organizationId, "Dialpad issued no refresh token; reconnect to continue syncing.", now());
    throw disconnectedError();
  }
  try {
    const refreshToken = openConnectionSecret(organizationId, "refresh_token", connection.refreshTokenCipher);
    const tokens = await refresh(refreshToken, { now });
    await saveRefreshedTokens(db, organizationId, {
      accessTokenCipher: sealConnectionSecret(organizationId, "access_token", tokens.accessToken),
      refreshTokenCipher: sealConnectionSecret(organizationId, "refresh_token", tokens.refreshToken ?? refreshToken),
      accessTokenExpiresAt: tokens.expiresAt,
      lastRefreshAt: now(),
    });
    return tokens.accessToken;
  } catch (error) {
    if (error instanceof DialpadInvalidGrantError) {
      await markReconnectNeeded(db, organizationId, "Dialpad no longer accepts Daymark's authorization (invalid_grant). Reconnect Dialpad; all synced data is kept.", now());
      throw disconnectedError();
    }
    // A transient failure never marks the connection broken; the next request tries again.
    await releaseRefreshLease(db, organizationId, processOwner);
    throw error;
  }
}

async function markReconnectNeeded(db: Db, organizationId: number, message: string, now: number): Promise<void> {
  await updateDialpadConnection(db, organizationId, {
    status: "reconnect_needed",
    lastErrorMessage: message,
    refreshLeaseUntil: null,
    refreshLeaseOwner: null,
    updatedAt: now,
  });
}

function isFresh(connection: DialpadConnection, now: number): boolean {
  return (connection.accessTokenExpiresAt ?? 0) - refreshMarginMs > now;
}

function requireConnected(connection: DialpadConnection | undefined): DialpadConnection {
  if (!connection || connection.status !== "connected" || !connection.accessTokenCipher) throw disconnectedError();
  return connection;
}

function disconnectedError(): AppError {
  return new AppError("DIALPAD_DISCONNECTED", "Dialpad is not connected. An admin can reconnect it in Settings → Products.");
}
