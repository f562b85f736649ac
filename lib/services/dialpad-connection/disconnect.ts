import type { Db } from "@/db/client";
import { getDialpadConnection, updateDialpadConnection } from "@/db/queries/dialpad-connections";
import { withTransaction } from "@/db/transaction";
import { revokeToken } from "@/lib/integrations/dialpad/oauth";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { assertAdmin, type AdminContext } from "./context";
import { afterDialpadDisconnected, beforeDialpadDisconnected } from "./lifecycle";
import { openConnectionSecret } from "./token-storage";

export interface DisconnectResult {
  revokedAtDialpad: boolean;
  deletedCallData: boolean;
}

/** Revokes at Dialpad (best effort), forgets the tokens, and keeps or deletes the synced data as the admin chose. */
export async function disconnectDialpad(
  db: Db,
  admin: AdminContext,
  options: { deleteCallData: boolean; now?: number },
): Promise<DisconnectResult> {
  assertAdmin(admin);
  const connection = await getDialpadConnection(db, admin.organizationId);
  if (!connection || connection.status === "disconnected") {
    return { revokedAtDialpad: false, deletedCallData: false };
  }
  await beforeDialpadDisconnected(db, admin.organizationId);
  let revokedAtDialpad = false;
  if (connection.accessTokenCipher) {
    try {
      await revokeToken(openConnectionSecret(admin.organizationId, "access_token", connection.accessTokenCipher));
      revokedAtDialpad = true;
    } catch {
      // The tokens are deleted below either way; an unreachable Dialpad must not block a disconnect.
    }
  }
  const now = options.now ?? Date.now();
  await withTransaction(db, async (tx) => {
    await updateDialpadConnection(tx, admin.organizationId, {
      status: "disconnected",
      accessTokenCipher: null,
      refreshTokenCipher: null,
      accessTokenExpiresAt: null,
      webhookSecretCipher: null,
      webhookId: null,
      subscriptionId: null,
      refreshLeaseUntil: null,
      refreshLeaseOwner: null,
      lastErrorMessage: null,
      updatedAt: now,
    });
    await recordAuditEvent(tx, {
      organizationId: admin.organizationId,
      actor: admin,
      action: "dialpad.disconnected",
      target: { type: "dialpad_connection", id: connection.dialpadCompanyId },
      summary: options.deleteCallData
        ? `Disconnected Dialpad (${connection.companyName}) and deleted its call data`
        : `Disconnected Dialpad (${connection.companyName}), keeping its call data`,
      details: { deleteCallData: options.deleteCallData, revokedAtDialpad },
      at: now,
    });
  });
  await afterDialpadDisconnected(db, admin.organizationId, { deleteCallData: options.deleteCallData });
  return { revokedAtDialpad, deletedCallData: options.deleteCallData };
}
