// The optional dedicated intake (DAYMARK_WEBHOOK_PORT, started by instrumentation.ts): Dialpad's webhook
// path on its own node:http port, outside Next's request pipeline (about 2 ms of CPU a request), with the
// same service code as route.ts beside it. It serves that one path and nothing else.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { getDb } from "@/db/client";
import { maxWebhookBodyBytes } from "@/lib/integrations/dialpad/webhook";
import { applyWebhookEventsNow } from "@/lib/services/sync/apply-webhook-events-now";
import { takeWebhookDelivery, webhookBodyTooLarge, type WebhookAnswer } from "@/lib/services/sync/take-webhook-delivery";

const webhookPath = "/api/webhooks/dialpad";

/** Listens on `port` (0: any free port); resolves once listening. */
export function startWebhookListener(port: number, host?: string): Promise<Server> {
  const server = createServer((request, response) => {
    handle(request, response).catch(() => send(response, { status: 500, body: { error: "Could not store the event." } }));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? "/", "http://intake.invalid");
  if (url.pathname !== webhookPath) return send(response, { status: 404, body: { error: "Not found." } }, { connection: "close" });
  if (request.method !== "POST") return send(response, { status: 405, body: { error: "Method not allowed." } }, { allow: "POST", connection: "close" });
  const body = await readCappedBody(request, maxWebhookBodyBytes);
  if (body === null) return send(response, webhookBodyTooLarge, { connection: "close" });
  const db = getDb();
  const answer = await takeWebhookDelivery(db, { token: url.searchParams.get("org"), body });
  send(response, answer);
  const organizationId = answer.applyForOrganizationId;
  // A long-lived process: the drain simply runs on after the answer (the sweeper backs it up).
  if (organizationId !== undefined) {
    applyWebhookEventsNow(db, organizationId).catch((error: unknown) =>
      console.error(`[webhook] processing failed: ${error instanceof Error ? error.name : typeof error}`),
    );
  }
}

function readCappedBody(request: IncomingMessage, maxBytes: number): Promise<string | null> {
  if (Number(request.headers["content-length"] ?? 0) > maxBytes) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else {
        // Read on and discard until the socket closes after the 413 (closing on unread bytes resets it).
        request.removeAllListeners("data").resume();
        resolve(null);
      }
    });
    request.once("end", () => resolve(Buffer.concat(chunks, size).toString("utf8")));
    request.once("error", reject);
  });
}

function send(response: ServerResponse, answer: { status: number; body: WebhookAnswer["body"] }, headers: Record<string, string> = {}): void {
  if (response.headersSent) return;
  const json = JSON.stringify(answer.body);
  response.writeHead(answer.status, { "content-type": "application/json", "content-length": Buffer.byteLength(json), ...headers });
  response.end(json);
}
