// Test support: stores a connected Dialpad connection holding the given token pair, sealed as the app seals it.
import type { Db } from "@/db/client";
import { upsertDialpadConnection } from "@/db/queries/dialpad-connections";
import { sealConnectionSecret } from "../token-storage";

export const testTokenKeys = { TOKEN_KEYS: "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", TOKEN_KEY_ACTIVE: "k1" };

export async function storeConnection(
  db: Db,
  organizationId: number,
  tokens: { accessToken: string; refreshToken: string; connectedAt: number; expiresAt: number },
): Promise<void> {
  await upsertDialpadConnection(db, {
    organizationId,
    status: "connected",
    dialpadCompanyId: "1",
    companyName: "Acme",
    companyDomain: "acme.test",
    connectedByName: "Dana",
    connectedAt: tokens.connectedAt,
    accessTokenCipher: sealConnectionSecret(organizationId, "access_token", tokens.accessToken),
    refreshTokenCipher: sealConnectionSecret(organizationId, "refresh_token", tokens.refreshToken),
    accessTokenExpiresAt: tokens.expiresAt,
    lastRefreshAt: null,
    lastErrorMessage: null,
    updatedAt: tokens.connectedAt,
  });
}
