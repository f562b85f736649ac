// Test support for webhook intake: a local HTTP server that hands each delivery to the route handler,
// so the emulator's own webhook sender (signing, retries, ordering) drives the tests.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SignJWT } from "jose";
import type { Db } from "@/db/client";
import { randomBytes } from "node:crypto";
import { getDialpadConnection, upsertDialpadConnection } from "@/db/queries/dialpad-connections";
import { setWebhookToken } from "@/db/queries/sync";
import { resetEnvCache } from "@/lib/env";
import { createTestDb } from "@/tests/db";
import { createOrganization } from "@/tests/factories";
import { testKeys } from "./harness";
import { openConnectionSecret, sealConnectionSecret } from "@/lib/services/dialpad-connection/token-storage";

type Handler = (request: Request) => Promise<Response>;

export interface ForwardingServer {
  url: string;
  statuses: number[];
  close(): Promise<void>;
}

export async function startForwardingServer(handler: Handler): Promise<ForwardingServer> {
  const statuses: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = new Request(`http://127.0.0.1${req.url ?? "/"}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks),
      });
      handler(request)
        .then(async (response) => {
          statuses.push(response.status);
          res.writeHead(response.status, { "content-type": "application/json" });
          res.end(await response.text());
        })
        .catch(() => {
          res.writeHead(500);
          res.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    statuses,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Stores a connection with a webhook token and secret as registration does, without an emulator. */
export async function storeWebhookConnection(db: Db, organizationId: number): Promise<{ token: string; secret: string }> {
  const now = Date.now();
  const secret = randomBytes(32).toString("base64url");
  const token = randomBytes(24).toString("base64url");
  await upsertDialpadConnection(db, {
    organizationId, status: "connected", dialpadCompanyId: "4508591728425653", companyName: "Acme", companyDomain: "acme.test",
    connectedByName: "Dana Admin", connectedAt: now, accessTokenCipher: sealConnectionSecret(organizationId, "access_token", "unused"),
    refreshTokenCipher: sealConnectionSecret(organizationId, "refresh_token", "unused"), accessTokenExpiresAt: now + 3_600_000,
    webhookSecretCipher: sealConnectionSecret(organizationId, "webhook_secret", secret), updatedAt: now,
  });
  await setWebhookToken(db, organizationId, token, now);
  return { token, secret };
}

/** The organization's stored webhook secret (what Dialpad signs with). */
export async function storedWebhookSecret(db: Db, organizationId: number): Promise<string> {
  const connection = await getDialpadConnection(db, organizationId);
  return openConnectionSecret(organizationId, "webhook_secret", connection!.webhookSecretCipher!);
}

export async function signEvent(payload: Record<string, unknown>, secret: string, alg: "HS256" | "HS512" = "HS256"): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg, typ: "JWT" }).sign(new TextEncoder().encode(secret));
}

/** A call-state event as Dialpad's webhooks send it: numeric ids and times. */
export function callEvent(callId: number, state: string, eventTimestamp: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const started = 1_750_000_000_000;
  return {
    call_id: callId,
    direction: "inbound",
    state,
    date_started: started,
    date_rang: started + 300,
    date_connected: state === "ringing" ? null : started + 5_000,
    date_ended: state === "hangup" ? started + 65_000 : null,
    event_timestamp: eventTimestamp,
    external_number: "+14155550100",
    internal_number: "+14155551001",
    contact: { id: "77", type: "local", name: "Caller", phone: "+14155550100", email: "" },
    target: { id: "5835806903417907", type: "user", name: "Alex Agent", phone: "+14155551001", email: "alex@acme.test" },
    ...extra,
  };
}

/**
 * A fresh test database serving the app (the route and the listener read `globalThis.daymarkDb`) with one
 * organization whose Dialpad webhook is registered: its URL token and signing secret.
 */
export async function setUpWebhookOrganization(): Promise<{ db: Db; organizationId: number; token: string; secret: string }> {
  Object.assign(process.env, testKeys);
  resetEnvCache();
  const db = await createTestDb();
  (globalThis as unknown as { daymarkDb?: Db }).daymarkDb = db;
  const organizationId = (await createOrganization(db)).id;
  return { db, organizationId, ...(await storeWebhookConnection(db, organizationId)) };
}
