import { after } from "next/server";
import { getDb } from "@/db/client";
import { maxWebhookBodyBytes } from "@/lib/integrations/dialpad/webhook";
import { applyWebhookEventsNow } from "@/lib/services/sync/apply-webhook-events-now";
import { receiveDialpadWebhook } from "@/lib/services/sync/receive-webhook";
import { readCappedBody } from "./read-capped-body";

// Processing after the response runs inside this function's lifetime (vercel.json says the same).
export const maxDuration = 60;

// POST /api/webhooks/dialpad?org=<token>: verifies a Dialpad call event (HS256 JWT), writes it to the
// inbox and answers at once; the event is applied after the response, or by the scheduler's sweeper.
export async function POST(request: Request): Promise<Response> {
  const body = await readCappedBody(request, maxWebhookBodyBytes);
  if (body === null) return Response.json({ error: "Body is larger than 256 KB." }, { status: 413 });
  const db = getDb();
  let receipt: Awaited<ReturnType<typeof receiveDialpadWebhook>>;
  try {
    receipt = await receiveDialpadWebhook(db, { token: new URL(request.url).searchParams.get("org"), body });
  } catch (error) {
    // Only a failed inbox write answers 5xx: that is what makes Dialpad deliver the event again.
    console.error(`[webhook] could not store a Dialpad event: ${error instanceof Error ? error.name : typeof error}`);
    return Response.json({ error: "Could not store the event." }, { status: 500 });
  }
  if (receipt.status !== 200) return Response.json({ error: receipt.error }, { status: receipt.status });
  if (!receipt.isDuplicate) runAfterResponse(() => applyWebhookEventsNow(db, receipt.organizationId));
  return Response.json({ ok: true });
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
