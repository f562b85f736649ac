import { after } from "next/server";
import { getDb } from "@/db/client";
import { maxWebhookBodyBytes } from "@/lib/integrations/dialpad/webhook";
import { applyWebhookEventsNow } from "@/lib/services/sync/apply-webhook-events-now";
import { takeWebhookDelivery, webhookBodyTooLarge } from "@/lib/services/sync/take-webhook-delivery";
import { readCappedBody } from "./read-capped-body";

// Processing after the response runs inside this function's lifetime (vercel.json says the same).
export const maxDuration = 60;

// POST /api/webhooks/dialpad?org=<token>: verifies a Dialpad call event (HS256 JWT), writes it to the
// inbox and answers at once; the event is applied after the response, or by the scheduler's sweeper.
export async function POST(request: Request): Promise<Response> {
  const body = await readCappedBody(request, maxWebhookBodyBytes);
  if (body === null) return Response.json(webhookBodyTooLarge.body, { status: webhookBodyTooLarge.status });
  const db = getDb();
  const answer = await takeWebhookDelivery(db, { token: new URL(request.url).searchParams.get("org"), body });
  const organizationId = answer.applyForOrganizationId;
  if (organizationId !== undefined) runAfterResponse(() => applyWebhookEventsNow(db, organizationId));
  return Response.json(answer.body, { status: answer.status });
}

function runAfterResponse(task: () => Promise<unknown>): void {
  const guarded = () => task().catch((error: unknown) => console.error(`[webhook] processing failed: ${error instanceof Error ? error.name : typeof error}`));
  try {
    after(guarded);
  } catch {
    // Outside a Next.js request (tests, scripts) there is no after(); the sweeper still backs this up.
    void guarded();
  }
}
