import { getTokenCipher, tokenAad } from "@/lib/crypto/token-cipher";

// The connection row is unique per organization, so the organization id binds each sealed value to its row.
const table = "dialpad_connection";

export type SealedColumn = "access_token" | "refresh_token" | "webhook_secret";

export function sealConnectionSecret(organizationId: number, column: SealedColumn, plaintext: string): string {
  return getTokenCipher().encrypt(plaintext, tokenAad(table, organizationId, column));
}

export function openConnectionSecret(organizationId: number, column: SealedColumn, envelope: string): string {
  return getTokenCipher().decrypt(envelope, tokenAad(table, organizationId, column));
}
