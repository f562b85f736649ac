import { createHmac } from "node:crypto";
import { generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { statusForError } from "@/lib/errors";
import { DialpadWebhookMalformedError, DialpadWebhookSignatureError } from "./errors";
import { restAnsweredCall, webhookVoicemailCall } from "./testing/fixtures";
import { parseCallItems } from "./schema";
import { verifyDialpadWebhook, webhookEventKey } from "./webhook";

const secret = "whsec-current-4c1f";
const previous = "whsec-previous-9a2b";
const encode = (value: string) => new TextEncoder().encode(value);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

function sign(payload: Record<string, unknown>, key = secret, alg = "HS256") {
  return new SignJWT(payload).setProtectedHeader({ alg, typ: "JWT" }).sign(encode(key));
}

async function rejection(body: string | Uint8Array, secrets = [secret]) {
  const error = await verifyDialpadWebhook(body, secrets).catch((e) => e);
  return { type: error?.constructor?.name, status: error?.status ?? statusForError(error) };
}

describe("verifyDialpadWebhook", () => {
  it("returns the event claims of a valid HS256 body (with a trailing newline)", async () => {
    const event = webhookVoicemailCall();
    expect(await verifyDialpadWebhook(`${await sign(event)}\n`, [secret])).toEqual(event);
    expect(await verifyDialpadWebhook(encode(await sign(event)), [secret])).toEqual(event);
  });

  it("accepts the previous secret during rotation", async () => {
    const event = webhookVoicemailCall();
    expect(await verifyDialpadWebhook(await sign(event, previous), [secret, previous])).toEqual(event);
  });

  it("answers 401 for a forged signature, alg none, HS512 and RS256", async () => {
    const event = webhookVoicemailCall();
    const forged = await sign(event, "attacker-secret");
    const none = `${b64({ alg: "none", typ: "JWT" })}.${b64(event)}.`;
    const hs512 = await sign(event, secret, "HS512");
    const { privateKey } = await generateKeyPair("RS256");
    const rs256 = await new SignJWT(event).setProtectedHeader({ alg: "RS256" }).sign(privateKey);
    for (const body of [forged, none, hs512, rs256]) {
      expect(await rejection(body)).toEqual({ type: "DialpadWebhookSignatureError", status: 401 });
    }
  });

  it("answers 401 for an expired token", async () => {
    const body = await new SignJWT(webhookVoicemailCall()).setProtectedHeader({ alg: "HS256" }).setExpirationTime(new Date("2020-01-01T00:00:00Z")).sign(encode(secret));
    await expect(verifyDialpadWebhook(body, [secret])).rejects.toBeInstanceOf(DialpadWebhookSignatureError);
  });

  it("answers 400 for garbage, unsigned JSON, and signed claims that are not a call event", async () => {
    expect(await rejection("hello world")).toEqual({ type: "DialpadWebhookMalformedError", status: 400 });
    expect(await rejection(JSON.stringify(webhookVoicemailCall()))).toEqual({ type: "DialpadWebhookMalformedError", status: 400 });
    expect(await rejection("%%%.abc.def")).toEqual({ type: "DialpadWebhookMalformedError", status: 400 });
    expect(await rejection(`${b64("x")}.abc.def`)).toEqual({ type: "DialpadWebhookMalformedError", status: 400 });
    expect(await rejection(await sign({ hello: "world" }))).toEqual({ type: "DialpadWebhookMalformedError", status: 400 });
  });

  it("answers 413 for a body over 256 KB before verifying", async () => {
    const big = await sign(webhookVoicemailCall({ transcription_text: "x".repeat(300 * 1024) }));
    expect(await rejection(big)).toEqual({ type: "DialpadWebhookMalformedError", status: 413 });
  });

  it("keeps ids beyond 2^53 exact: reads them from the signed text, not from JSON.parse", async () => {
    // Dialpad writes int64s as JSON numbers; JSON.parse would turn 18014398509481985 into ...984.
    const claims = JSON.stringify(webhookVoicemailCall({ call_id: "@1", master_call_id: "@2" }))
      .replace('"@1"', "18014398509481985")
      .replace('"@2"', "9007199254740993");
    const signingInput = `${b64({ alg: "HS256", typ: "JWT" })}.${Buffer.from(claims).toString("base64url")}`;
    const signature = createHmac("sha256", secret).update(signingInput).digest("base64url");
    const payload = await verifyDialpadWebhook(`${signingInput}.${signature}`, [secret]);
    expect([payload.call_id, payload.master_call_id]).toEqual(["18014398509481985", "9007199254740993"]);
    expect(payload.date_started).toBe(1787158716092);
    const { calls } = parseCallItems([payload]);
    expect([calls[0]?.call_id, calls[0]?.master_call_id]).toEqual(["18014398509481985", "9007199254740993"]);
    expect(webhookEventKey(payload)).toBe(webhookEventKey({ ...payload, call_id: "18014398509481985" }));
  });

  it("refuses to run without a secret", async () => {
    await expect(verifyDialpadWebhook(await sign(webhookVoicemailCall()), [""])).rejects.toThrow("No Dialpad webhook secret is configured.");
  });
});

describe("webhookEventKey", () => {
  it("is the sha256 of call_id|state|event_timestamp, equal for string and number ids", () => {
    const key = webhookEventKey(webhookVoicemailCall());
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(webhookEventKey(webhookVoicemailCall({ call_id: "5635304278851584", event_timestamp: "1787158761234" }))).toBe(key);
    expect(webhookEventKey(webhookVoicemailCall({ state: "hangup" }))).not.toBe(key);
    expect(webhookEventKey(webhookVoicemailCall({ event_timestamp: 1787158761235 }))).not.toBe(key);
    // sha256("6112233445566778|hangup|1767600191850")
    expect(webhookEventKey(restAnsweredCall())).toBe("80c59d5f9f29eda2180b7d364682b96046e0aa738e32f3d6e022cbb54b1a5307");
  });

  it("rejects payloads without call_id and state", () => {
    expect(() => webhookEventKey({ state: "hangup" })).toThrow(DialpadWebhookMalformedError);
  });
});
