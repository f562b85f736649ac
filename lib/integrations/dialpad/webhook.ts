import { createHash } from "node:crypto";
import { errors, jwtVerify } from "jose";
import { DialpadConfigError, DialpadWebhookMalformedError, DialpadWebhookSignatureError } from "./errors";
import { parseJsonExact } from "./exact-json";
import { dialpadCallEventKeySchema } from "./schema";

// Dialpad sends each event as the request body in compact JWT form, signed HS256 with the secret
// given at webhook creation; the JWT claims are the event JSON (dialpad-api.md §5.4).

export const maxWebhookBodyBytes = 256 * 1024;

/** The verified event: Dialpad's call payload as sent (parse it with parseCallItems to use it). */
export type DialpadWebhookPayload = Record<string, unknown>;

const compactJws = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;
const clockToleranceSeconds = 30;

// jose imports a raw secret into a WebCrypto key on every call (about 0.4 ms); an imported key is
// reused instead, so the intake verifies a token in tens of microseconds. Few secrets are live at once.
const importedKeys = new Map<string, Promise<CryptoKey>>();
const maxImportedKeys = 64;

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = importedKeys.get(secret);
  if (!key) {
    if (importedKeys.size >= maxImportedKeys) importedKeys.clear();
    key = crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
    importedKeys.set(secret, key);
  }
  return key;
}

/**
 * Verifies a webhook body against each secret in turn (current first, then the previous one while
 * rotating). Throws DialpadWebhookSignatureError (reply 401) or DialpadWebhookMalformedError (400/413).
 */
export async function verifyDialpadWebhook(
  rawBody: string | Uint8Array,
  secrets: readonly string[],
  now: number = Date.now(),
): Promise<DialpadWebhookPayload> {
  return (await verifyDialpadCallEvent(rawBody, secrets, now)).payload;
}

/** verifyDialpadWebhook with the event's inbox key, read from the same parse of its claims. */
export async function verifyDialpadCallEvent(
  rawBody: string | Uint8Array,
  secrets: readonly string[],
  now: number = Date.now(),
): Promise<{ payload: DialpadWebhookPayload; eventKey: string }> {
  const keys = secrets.filter((secret) => secret.length > 0);
  if (keys.length === 0) throw new DialpadConfigError("No Dialpad webhook secret is configured.");
  const size = typeof rawBody === "string" ? Buffer.byteLength(rawBody, "utf8") : rawBody.byteLength;
  if (size > maxWebhookBodyBytes) throw new DialpadWebhookMalformedError("larger than 256 KB", 413);

  const token = (typeof rawBody === "string" ? rawBody : Buffer.from(rawBody).toString("utf8")).trim();
  if (!compactJws.test(token)) throw new DialpadWebhookMalformedError("not a compact JWT");
  const [headerPart, payloadPart] = token.split(".") as [string, string, string];
  const header = readJsonObject(headerPart);
  if (!header) throw new DialpadWebhookMalformedError("unreadable JWT header");
  // alg none, HS512, RS256…: never what Dialpad signs with, so treat as forged.
  if (header.alg !== "HS256") throw new DialpadWebhookSignatureError();

  for (const secret of keys) {
    try {
      await jwtVerify(token, await hmacKey(secret), {
        algorithms: ["HS256"],
        clockTolerance: clockToleranceSeconds,
        currentDate: new Date(now),
      });
    } catch (error) {
      if (error instanceof errors.JWSSignatureVerificationFailed) continue;
      if (error instanceof errors.JWTExpired || error instanceof errors.JWTClaimValidationFailed) {
        throw new DialpadWebhookSignatureError();
      }
      if (error instanceof errors.JOSEError) throw new DialpadWebhookMalformedError("JWT payload is not a JSON object");
      throw error;
    }
    const claims = readClaimsExactly(payloadPart);
    if (!claims) throw new DialpadWebhookMalformedError("JWT payload is not a JSON object");
    const eventKey = eventKeyOf(claims);
    if (eventKey === null) throw new DialpadWebhookMalformedError("not a call event (call_id and state are required)");
    return { payload: claims, eventKey };
  }
  throw new DialpadWebhookSignatureError();
}

/** Idempotency key for the inbox: sha256 of call_id|state|event_timestamp (ids normalised to strings). */
export function webhookEventKey(payload: DialpadWebhookPayload): string {
  const eventKey = eventKeyOf(payload);
  if (eventKey === null) throw new DialpadWebhookMalformedError("no call_id and state");
  return eventKey;
}

function eventKeyOf(payload: DialpadWebhookPayload): string | null {
  const result = dialpadCallEventKeySchema.safeParse(payload);
  if (!result.success) return null;
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
