import { createHash } from "node:crypto";
import { decodeProtectedHeader, errors, jwtVerify } from "jose";
import { DialpadConfigError, DialpadWebhookMalformedError, DialpadWebhookSignatureError } from "./errors";
import { parseJsonExact } from "./exact-json";
import { dialpadCallEventKeySchema } from "./schema";

// Dialpad sends each event as the request body in compact JWT form, signed HS256 with the secret
// given at webhook creation; the JWT claims are the event JSON (dialpad-api.md §5.4).

export const maxWebhookBodyBytes = 256 * 1024;

/** The verified event: Dialpad's call payload as sent (parse it with parseCallItems to use it). */
export type DialpadWebhookPayload = Record<string, unknown>;

const compactJws = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

/**
 * Verifies a webhook body against each secret in turn (current first, then the previous one while
 * rotating). Throws DialpadWebhookSignatureError (reply 401) or DialpadWebhookMalformedError (400/413).
 */
export async function verifyDialpadWebhook(rawBody: string | Uint8Array, secrets: readonly string[]): Promise<DialpadWebhookPayload> {
  const keys = secrets.filter((secret) => secret.length > 0).map((secret) => new TextEncoder().encode(secret));
  if (keys.length === 0) throw new DialpadConfigError("No Dialpad webhook secret is configured.");
  const size = typeof rawBody === "string" ? Buffer.byteLength(rawBody, "utf8") : rawBody.byteLength;
  if (size > maxWebhookBodyBytes) throw new DialpadWebhookMalformedError("larger than 256 KB", 413);

  const token = (typeof rawBody === "string" ? rawBody : new TextDecoder().decode(rawBody)).trim();
  if (!compactJws.test(token)) throw new DialpadWebhookMalformedError("not a compact JWT");
  let algorithm: unknown;
  try {
    algorithm = decodeProtectedHeader(token).alg;
  } catch {
    throw new DialpadWebhookMalformedError("unreadable JWT header");
  }
  // alg none, HS512, RS256…: never what Dialpad signs with, so treat as forged.
  if (algorithm !== "HS256") throw new DialpadWebhookSignatureError();

  for (const key of keys) {
    try {
      await jwtVerify(token, key, { algorithms: ["HS256"], clockTolerance: 30 });
      return requireCallEvent(readClaimsExactly(token));
    } catch (error) {
      if (error instanceof errors.JWSSignatureVerificationFailed) continue;
      if (error instanceof errors.JWTExpired || error instanceof errors.JWTClaimValidationFailed) {
        throw new DialpadWebhookSignatureError();
      }
      if (error instanceof errors.JOSEError) throw new DialpadWebhookMalformedError("JWT payload is not a JSON object");
      throw error;
    }
  }
  throw new DialpadWebhookSignatureError();
}

/** Idempotency key for the inbox: sha256 of call_id|state|event_timestamp (ids normalised to strings). */
export function webhookEventKey(payload: DialpadWebhookPayload): string {
  const result = dialpadCallEventKeySchema.safeParse(payload);
  if (!result.success) throw new DialpadWebhookMalformedError("no call_id and state");
  const { call_id: callId, state, event_timestamp: eventTimestamp } = result.data;
  return createHash("sha256").update(`${callId}|${state}|${eventTimestamp ?? ""}`).digest("hex");
}

/**
 * The claims again, from the verified token's own text: jose parses them with JSON.parse, which changes
 * the digits of an id above 2^53 (Dialpad sends ids as JSON numbers in webhooks). Here they stay exact strings.
 */
function readClaimsExactly(token: string): DialpadWebhookPayload {
  const payloadPart = token.split(".")[1] ?? "";
  return parseJsonExact(Buffer.from(payloadPart, "base64url").toString("utf8")) as DialpadWebhookPayload;
}

function requireCallEvent(payload: DialpadWebhookPayload): DialpadWebhookPayload {
  if (!dialpadCallEventKeySchema.safeParse(payload).success) {
    throw new DialpadWebhookMalformedError("not a call event (call_id and state are required)");
  }
  return payload;
}
