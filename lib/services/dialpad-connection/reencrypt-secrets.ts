import type { Db } from "@/db/client";
import { listDialpadConnections, updateDialpadConnection } from "@/db/queries/dialpad-connections";
import { getTokenCipher } from "@/lib/crypto/token-cipher";
import { openConnectionSecret, sealConnectionSecret, type SealedColumn } from "./token-storage";

const sealedColumns = {
  access_token: "accessTokenCipher",
  refresh_token: "refreshTokenCipher",
  webhook_secret: "webhookSecretCipher",
} as const satisfies Record<SealedColumn, string>;

/**
 * Key rotation: re-seals every stored secret whose key id is not the active one. Run after making a new
 * key active (TOKEN_KEY_ACTIVE) while the old one is still listed in TOKEN_KEYS; then the old key can go.
 */
export async function reencryptConnectionSecrets(db: Db): Promise<{ resealed: number; remainingOnOldKeys: number }> {
  const cipher = getTokenCipher();
  let resealed = 0;
  for (const connection of await listDialpadConnections(db)) {
    const changes: Partial<Record<(typeof sealedColumns)[SealedColumn], string>> = {};
    for (const [column, field] of Object.entries(sealedColumns) as [SealedColumn, (typeof sealedColumns)[SealedColumn]][]) {
      const envelope = connection[field];
      if (!envelope || !cipher.needsReencryption(envelope)) continue;
      changes[field] = sealConnectionSecret(connection.organizationId, column, openConnectionSecret(connection.organizationId, column, envelope));
      resealed += 1;
    }
    if (Object.keys(changes).length > 0) await updateDialpadConnection(db, connection.organizationId, changes);
  }
  const remainingOnOldKeys = (await listDialpadConnections(db))
    .flatMap((connection) => Object.values(sealedColumns).map((field) => connection[field]))
    .filter((envelope): envelope is string => !!envelope && cipher.needsReencryption(envelope)).length;
  return { resealed, remainingOnOldKeys };
}
