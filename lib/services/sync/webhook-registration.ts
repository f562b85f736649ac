import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { getDialpadConnection, updateDialpadConnection } from "@/db/queries/dialpad-connections";
import { setWebhookToken } from "@/db/queries/sync";
import { getEnv } from "@/lib/env";
import type { DialpadClient } from "@/lib/integrations/dialpad/client";
import { createDialpadClientForOrganization } from "@/lib/services/dialpad-connection/client-for-organization";
import { sealConnectionSecret } from "@/lib/services/dialpad-connection/token-storage";

// The states that change what Daymark stores about a leg. Post-call states (transcripts, recaps,
// csat) carry nothing the scores use and would only churn the rows.
export const webhookCallStates = [
  "calling", "ringing", "queued", "connected", "hold", "merged", "missed", "voicemail", "voicemail_uploaded", "hangup",
] as const;

export const webhookPath = "/api/webhooks/dialpad";

interface RegistrationOptions {
  client?: DialpadClient;
  appUrl?: string;
  now?: number;
}

/** The hook URL Dialpad posts to; the org token only routes the event, the JWT signature authenticates it. */
export function buildWebhookUrl(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, "")}${webhookPath}?org=${encodeURIComponent(token)}`;
}

/**
 * Creates a Dialpad webhook with a fresh secret and a call-event subscription for the whole company,
 * replacing an earlier registration. The secret and token are stored first, so the first event verifies.
 */
export async function registerDialpadWebhook(db: Db, organizationId: number, options: RegistrationOptions = {}): Promise<void> {
  const connection = await getDialpadConnection(db, organizationId);
  if (connection?.status !== "connected") return;
  const client = options.client ?? createDialpadClientForOrganization(db, organizationId);
  const now = options.now ?? Date.now();
  await deleteQuietly(client, organizationId, connection.webhookId, connection.subscriptionId);

  const secret = randomBytes(32).toString("base64url");
  const token = randomBytes(24).toString("base64url");
  await setWebhookToken(db, organizationId, token, now);
  await updateDialpadConnection(db, organizationId, {
    webhookSecretCipher: sealConnectionSecret(organizationId, "webhook_secret", secret),
    webhookId: null,
    subscriptionId: null,
  });
  const webhook = await client.createWebhook({ hookUrl: buildWebhookUrl(options.appUrl ?? getEnv().APP_URL, token), secret });
  await updateDialpadConnection(db, organizationId, { webhookId: webhook.id });
  const subscription = await client.createCallSubscription({ webhookId: webhook.id, callStates: webhookCallStates });
  await updateDialpadConnection(db, organizationId, { subscriptionId: subscription.id });
}

/** Removes the subscription and webhook at Dialpad (best effort) while the tokens still work. */
export async function unregisterDialpadWebhook(
  db: Db,
  organizationId: number,
  options: { client?: DialpadClient; now?: number; timeoutMs?: number } = {},
): Promise<void> {
  const connection = await getDialpadConnection(db, organizationId);
  if (!connection) return;
  if (connection.status === "connected" && (connection.webhookId || connection.subscriptionId)) {
    const client = options.client ?? createDialpadClientForOrganization(db, organizationId);
    // An unreachable Dialpad must not hold the admin's disconnect for the client's whole retry budget.
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, options.timeoutMs ?? 10_000).unref());
    await Promise.race([deleteQuietly(client, organizationId, connection.webhookId, connection.subscriptionId), timeout]);
  }
  // Without the token and secret, events still sent to the old URL are refused (404).
  await setWebhookToken(db, organizationId, null, options.now ?? Date.now());
  await updateDialpadConnection(db, organizationId, { webhookId: null, subscriptionId: null, webhookSecretCipher: null });
}

async function deleteQuietly(client: DialpadClient, organizationId: number, webhookId: string | null, subscriptionId: string | null) {
  try {
    if (subscriptionId) await client.deleteCallSubscription(subscriptionId);
    if (webhookId) await client.deleteWebhook(webhookId);
  } catch (error) {
    // Neither connecting nor disconnecting may depend on Dialpad answering this.
    console.warn(`[sync] could not delete the old Dialpad webhook of organization ${organizationId}: ${error instanceof Error ? error.name : "error"}`);
  }
}
