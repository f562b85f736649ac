import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import { deleteExpiredOauthStates, insertOauthState } from "@/db/queries/dialpad-connections";
import { getTokenCipher, tokenAad } from "@/lib/crypto/token-cipher";
import { createAuthorizationRequest } from "@/lib/integrations/dialpad/oauth";
import { assertAdmin, type AdminContext } from "./context";

export const oauthStateLifetimeMs = 10 * 60_000;

export function hashOauthState(state: string): string {
  return createHash("sha256").update(state).digest("hex");
}

export function sealCodeVerifier(stateHash: string, verifier: string): string {
  return getTokenCipher().encrypt(verifier, tokenAad("oauth_state", stateHash, "code_verifier"));
}

export function openCodeVerifier(stateHash: string, envelope: string): string {
  return getTokenCipher().decrypt(envelope, tokenAad("oauth_state", stateHash, "code_verifier"));
}

/**
 * Starts the OAuth flow for an admin: a one-time state bound to them, and the Dialpad authorize URL.
 * `backfillDays`, chosen on the connect form, rides with the state and is saved when the connect succeeds.
 */
export async function startDialpadAuthorization(
  db: Db,
  admin: AdminContext,
  options: { isPopup: boolean; backfillDays?: number; now?: number },
): Promise<string> {
  assertAdmin(admin);
  const now = options.now ?? Date.now();
  await deleteExpiredOauthStates(db, now);
  const request = await createAuthorizationRequest();
  const stateHash = hashOauthState(request.state);
  await insertOauthState(db, {
    stateHash,
    organizationId: admin.organizationId,
    userId: admin.userId,
    codeVerifierCipher: sealCodeVerifier(stateHash, request.codeVerifier),
    isPopup: options.isPopup,
    backfillDays: options.backfillDays ?? null,
    expiresAt: now + oauthStateLifetimeMs,
    createdAt: now,
  });
  return request.url;
}
