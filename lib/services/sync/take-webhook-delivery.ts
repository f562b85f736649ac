import type { Db } from "@/db/client";
import { receiveDialpadWebhook } from "./receive-webhook";

/** What the webhook edge answers, and which organization's inbox to apply once the answer is sent. */
export interface WebhookAnswer {
  status: 200 | 400 | 401 | 404 | 413 | 500;
  body: { ok: true } | { error: string };
  applyForOrganizationId?: number;
}

export const webhookBodyTooLarge: WebhookAnswer = { status: 413, body: { error: "Body is larger than 256 KB." } };

/** One Dialpad delivery, from the route handler or the dedicated intake listener (app/api/webhooks/dialpad/listener.ts). */
export async function takeWebhookDelivery(db: Db, delivery: { token: string | null; body: string }): Promise<WebhookAnswer> {
  let receipt: Awaited<ReturnType<typeof receiveDialpadWebhook>>;
  try {
    receipt = await receiveDialpadWebhook(db, delivery);
  } catch (error) {
    // Only a failed inbox write answers 5xx: that is what makes Dialpad deliver the event again.
    console.error(`[webhook] could not store a Dialpad event: ${error instanceof Error ? error.name : typeof error}`);
    return { status: 500, body: { error: "Could not store the event." } };
  }
  if (receipt.status !== 200) return { status: receipt.status, body: { error: receipt.error } };
  return { status: 200, body: { ok: true }, applyForOrganizationId: receipt.isDuplicate ? undefined : receipt.organizationId };
}
