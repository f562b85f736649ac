import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { DialpadConfigError, DialpadWebhookMalformedError, DialpadWebhookSignatureError } from "./errors";
import { parseJsonExact } from "./exact-json";
import { dialpadCallEventKeySchema } from "./schema";

// Dialpad sends each event as the request body in compact JWT form, signed HS256 with the secret
// given at webhook creation; the JWT claims are the event JSON (dialpad-api.md §5.4).
// HS256 is checked with node:crypto's HMAC rather than jose: jose goes through WebCrypto, which cost
// 0.57 ms a token here against 0.04 ms, and the intake must acknowledge thousands of events a second.

export const maxWebhookBodyBytes = 256 * 1024;

/** The verified event: Dialpad's call payload as sent (parse it with parseCallItems to use it). */
export type DialpadWebhookPayload = Record<string, unknown>;

const compactJws = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;
const clockToleranceSeconds = 30;

/**
 * Verifies a webhook body against each secret in turn (current first, then the previous one while
 * rotating). Throws DialpadWebhookSignatureError (reply 401) or DialpadWebhookMalformedError (400/413).
 */
export async function verifyDialpadWebhook(
  rawBody: string | Uint8Array,
  secrets: readonly string[],
  now: number = Date.now(),
): Promise<DialpadWebhookPayload> {
  const keys = secrets.filter((secret) => secret.length > 0);
  if (keys.length === 0) throw new DialpadConfigError("No Dialpad webhook secret is configured.");
  const size = typeof rawBody === "string" ? Buffer.byteLength(rawBody, "utf8") : rawBody.byteLength;
  if (size > maxWebhookBodyBytes) throw new DialpadWebhookMalformedError("larger than 256 KB", 413);

  const token = (typeof rawBody === "string" ? rawBody : Buffer.from(rawBody).toString("utf8")).trim();
  if (!compactJws.test(token)) throw new DialpadWebhookMalformedError("not a compact JWT");
  const [headerPart, payloadPart, signaturePart] = token.split(".") as [string, string, string];
  const header = readJsonObject(headerPart);
  if (!header) throw new DialpadWebhookMalformedError("unreadable JWT header");
  // alg none, HS512, RS256…: never what Dialpad signs with, so treat as forged.
  if (header.alg !== "HS256") throw new DialpadWebhookSignatureError();
  if (header.crit !== undefined) throw new DialpadWebhookMalformedError("unsupported JWT header");

  const signature = Buffer.from(signaturePart, "base64url");
  const signingInput = `${headerPart}.${payloadPart}`;
  const isSigned = keys.some((secret) => {
    const expected = createHmac("sha256", secret).update(signingInput).digest();
    return expected.length === signature.length && timingSafeEqual(expected, signature);
  });
  if (!isSigned) throw new DialpadWebhookSignatureError();

  const claims = readClaimsExactly(payloadPart);
  if (!claims) throw new DialpadWebhookMalformedError("JWT payload is not a JSON object");
  if (!isWithinTimeClaims(claims, now / 1000)) throw new DialpadWebhookSignatureError();
  return requireCallEvent(claims);
}

/** Idempotency key for the inbox: sha256 of call_id|state|event_timestamp (ids normalised to strings). */
export function webhookEventKey(payload: DialpadWebhookPayload): string {
  const result = dialpadCallEventKeySchema.safeParse(payload);
  if (!result.success) throw new DialpadWebhookMalformedError("no call_id and state");
  const { call_id: callId, state, event_timestamp: eventTimestamp } = result.data;
  return createHash("sha256").update(`${callId}|${state}|${eventTimestamp ?? ""}`).digest("hex");
}

/**
 * The claims from the token's own text: JSON.parse changes the digits of an id above 2^53 (Dialpad
 * sends ids as JSON numbers in webhooks), parseJsonExact keeps them as exact strings.
 */
function readClaimsExactly(payloadPart: string): DialpadWebhookPayload | null {
  try {
    const claims = parseJsonExact(Buffer.from(payloadPart, "base64url").toString("utf8"));
    return isObject(claims) ? (claims as DialpadWebhookPayload) : null;
  } catch {
    return null;
  }
}

function readJsonObject(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return isObject(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const isObject = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value);

/** exp and nbf as RFC 7519 has them (with 30 s of clock tolerance); a non-numeric one fails. */
function isWithinTimeClaims(claims: DialpadWebhookPayload, nowSeconds: number): boolean {
  const { exp, nbf } = claims;
  if (exp !== undefined && (typeof exp !== "number" || exp <= nowSeconds - clockToleranceSeconds)) return false;
  if (nbf !== undefined && (typeof nbf !== "number" || nbf > nowSeconds + clockToleranceSeconds)) return false;
  return true;
}

function requireCallEvent(payload: DialpadWebhookPayload): DialpadWebhookPayload {
  if (!dialpadCallEventKeySchema.safeParse(payload).success) {
    throw new DialpadWebhookMalformedError("not a call event (call_id and state are required)");
  }
  return payload;
}
