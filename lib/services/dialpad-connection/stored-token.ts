import type { DialpadConnection } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { isAccessTokenFresh } from "@/lib/integrations/dialpad/refresh-margin";

export type ConnectedConnection = DialpadConnection & { accessTokenCipher: string };

/**
 * Whether the stored access token can be used without refreshing. Its lifetime runs from when it was obtained:
 * the last refresh, or the (re)connect when that came later (a reconnect keeps the old lastRefreshAt).
 */
export function isStoredTokenFresh(connection: DialpadConnection, now: number): boolean {
  const issuedAt = Math.max(connection.connectedAt, connection.lastRefreshAt ?? 0);
  return isAccessTokenFresh({ expiresAt: connection.accessTokenExpiresAt, issuedAt }, now);
}

export function requireConnected(connection: DialpadConnection | undefined): ConnectedConnection {
  if (!connection || connection.status !== "connected" || !connection.accessTokenCipher) throw disconnectedError();
  return connection as ConnectedConnection;
}

export function disconnectedError(): AppError {
  return new AppError("DIALPAD_DISCONNECTED", "Dialpad is not connected. An admin can reconnect it in Settings → Products.");
}
