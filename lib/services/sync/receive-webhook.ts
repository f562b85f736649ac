import { z } from "@/lib/zod";
import type { Db } from "@/db/client";
import { saveSyncMark } from "@/db/queries/sync";
import { findWebhookTarget, type WebhookTarget } from "@/db/queries/webhook-inbox";
import { DialpadWebhookMalformedError, DialpadWebhookSignatureError } from "@/lib/integrations/dialpad/errors";
import { toStoredCallPayload } from "@/lib/integrations/dialpad/stored-payload";
import { verifyDialpadCallEvent } from "@/lib/integrations/dialpad/webhook";
import { openConnectionSecret } from "@/lib/services/dialpad-connection/token-storage";
import { storeWebhookEvent } from "./webhook-inbox-writer";

export type WebhookReceipt =
  | { status: 200; organizationId: number; isDuplicate: boolean }
  | { status: 400 | 401 | 404 | 413; error: string };

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/);

// Opened secrets by sealed value: a rotated or removed secret has another (or no) sealed value, so an
// entry never outlives its secret's use.
const openedSecrets = new Map<string, string>();
const maxOpenedSecrets = 1_000;

function openWebhookSecret(organizationId: number, cipher: string): string {
  const key = `${organizationId}:${cipher}`;
  let secret = openedSecrets.get(key);
  if (secret === undefined) {
    if (openedSecrets.size >= maxOpenedSecrets) openedSecrets.clear();
    secret = openConnectionSecret(organizationId, "webhook_secret", cipher);
    openedSecrets.set(key, secret);
  }
  return secret;
}

// Deliveries of one burst arriving together share one lookup of their hook (a PostgreSQL round trip
// each otherwise); the answer is never older than the lookup still running when a delivery arrived.
const targetLookups = new WeakMap<Db, Map<string, Promise<WebhookTarget | undefined>>>();

function findTargetOnce(db: Db, token: string): Promise<WebhookTarget | undefined> {
  let running = targetLookups.get(db);
  if (!running) targetLookups.set(db, (running = new Map()));
  let lookup = running.get(token);
  if (!lookup) {
    const lookups = running;
    lookup = findWebhookTarget(db, token).finally(() => lookups.delete(token));
    running.set(token, lookup);
  }
  return lookup;
}

/**
 * Verifies one Dialpad delivery and writes it to the inbox; nothing else happens before the reply.
 * Throws only when the inbox write fails: the edge answers 500 so Dialpad retries.
 */
export async function receiveDialpadWebhook(
  db: Db,
  delivery: { token: string | null; body: string | Uint8Array; now?: number },
): Promise<WebhookReceipt> {
  const token = tokenSchema.safeParse(delivery.token);
  const target = token.success ? await findTargetOnce(db, token.data) : undefined;
  if (!target?.webhookSecretCipher || target.connectionStatus === "disconnected") return { status: 404, error: "Unknown webhook." };
  const { organizationId, webhookSecretCipher } = target;

  let event: Awaited<ReturnType<typeof verifyDialpadCallEvent>>;
  try {
    event = await verifyDialpadCallEvent(delivery.body, [openWebhookSecret(organizationId, webhookSecretCipher)]);
  } catch (error) {
    const isRefused = error instanceof DialpadWebhookSignatureError || error instanceof DialpadWebhookMalformedError;
    // Refused deliveries make webhooks suspect, so polling reads the full window again for a while.
    if (isRefused) await saveSyncMark(db, organizationId, { webhookFailedAt: delivery.now ?? Date.now() }, delivery.now ?? Date.now());
    if (error instanceof DialpadWebhookSignatureError) return { status: 401, error: "Invalid signature." };
    if (error instanceof DialpadWebhookMalformedError) return { status: error.status, error: error.message };
    throw error;
  }
  const isNew = await storeWebhookEvent(db, {
    organizationId,
    eventKey: event.eventKey,
    // Content never reaches the inbox; links stay until the event is applied, as they mark a voicemail leg.
    payload: JSON.stringify(toStoredCallPayload(event.payload, { keepRecordingLinks: true })),
    receivedAt: delivery.now ?? Date.now(),
  });
  return { status: 200, organizationId, isDuplicate: !isNew };
}
