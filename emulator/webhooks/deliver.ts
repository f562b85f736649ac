// Sends one event to one webhook like Dialpad does: the body is a compact HS256 JWT whose payload is the
// event JSON (plain JSON when the webhook has no secret); 5 s timeout; retries on 5xx and connection
// errors after the configured delays; 4xx (including 429) is final.
import { createHmac } from "node:crypto";
import type { EmulatorClock } from "../clock";
import type { Stats } from "../stats";
import { stringifyExact } from "./exact-json";

export const DELIVERY_TIMEOUT_MS = 5_000;

export interface DeliveryTarget {
  url: string;
  secret: string | null;
}

export type DeliveryOutcome = "delivered" | "rejected" | "gave_up" | "cancelled";

const jwtHeader = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString("base64url");

/** Signed by hand rather than with jose, whose JSON.stringify cannot write an int64 above 2^53 exactly. */
export function encodeEvent(payload: Record<string, unknown>, secret: string | null): { body: string; contentType: string } {
  const json = stringifyExact(payload);
  if (!secret) return { body: json, contentType: "application/json" };
  const signingInput = `${jwtHeader}.${Buffer.from(json).toString("base64url")}`;
  const signature = createHmac("sha256", secret).update(signingInput).digest("base64url");
  return { body: `${signingInput}.${signature}`, contentType: "application/jwt" };
}

type AttemptResult = "ok" | "retry" | "final";

async function attempt(url: string, body: string, contentType: string, cancel: AbortSignal): Promise<AttemptResult> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": contentType, "user-agent": "Dialpad-Emulator-Webhooks/1.0" },
      body,
      redirect: "manual",
      signal: AbortSignal.any([cancel, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]),
    });
    await res.arrayBuffer().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return "ok";
    return res.status >= 500 ? "retry" : "final";
  } catch {
    return "retry";
  }
}

export class Deliverer {
  constructor(
    private readonly retryDelaysMs: readonly number[],
    private readonly stats: Stats,
    private readonly cancel: AbortSignal,
    private readonly clock: EmulatorClock,
  ) {}

  async deliver(target: DeliveryTarget, payload: Record<string, unknown>): Promise<DeliveryOutcome> {
    const { body, contentType } = encodeEvent(payload, target.secret);
    const counters = this.stats.webhookDeliveries;
    for (let i = 0; ; i++) {
      if (this.cancel.aborted) return "cancelled";
      counters.attempts++;
      if (i > 0) counters.retries++;
      const result = await attempt(target.url, body, contentType, this.cancel);
      if (this.cancel.aborted) return "cancelled";
      if (result === "ok") {
        counters.delivered++;
        return "delivered";
      }
      const delay = this.retryDelaysMs[i];
      if (result === "final" || delay === undefined) {
        counters.failed++;
        return result === "final" ? "rejected" : "gave_up";
      }
      await this.clock.sleep(delay, this.cancel);
    }
  }
}
