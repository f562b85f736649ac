import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { jwtVerify } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { waitFor } from "@/tests/wait-for";
import type { RunningEmulator } from "../server";
import { call, startTestEmulator, tokenFor } from "../testing/harness";
import { createVirtualClock } from "../testing/virtual-clock";

let emu: RunningEmulator;
let receiver: Server;
let hookUrl: string;
let bodies: string[] = [];
// The late post-call events fire minutes after hangup, on virtual time.
const clock = createVirtualClock();
const secret = "strict-secret";

beforeAll(async () => {
  emu = await startTestEmulator({ mode: "strict", postCallDelaySeconds: 180 }, { clock });
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      bodies.push(body);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await emu.close();
  await new Promise((r) => receiver.close(r));
});
beforeEach(async () => {
  await call(emu, "/__admin/reset", { method: "POST", body: "{}" });
  bodies = [];
  const token = await tokenFor(emu, "admin@acme.test");
  const hook = await call(emu, "/api/v2/webhooks", { method: "POST", token, body: JSON.stringify({ hook_url: hookUrl, secret }) });
  await call(emu, "/api/v2/subscriptions/call", { method: "POST", token, body: JSON.stringify({ endpoint_id: hook.body.id }) });
});

async function deliverAll(): Promise<void> {
  await waitFor(
    async () => {
      if (clock.pending() > 0) await clock.advanceToNext();
      return emu.state.dispatcher.isIdle;
    },
    { what: "every webhook event to be delivered" },
  );
}

const addCall = async (spec: Record<string, unknown>) =>
  (await call(emu, "/__admin/calls", { method: "POST", body: JSON.stringify({ user: "admin@acme.test", ...spec }) })).body.items;

interface Delivered {
  raw: string;
  event: Record<string, unknown>;
}

/** Each body verified with jose, and its payload's JSON text exactly as the emulator wrote it. */
async function delivered(): Promise<Delivered[]> {
  const key = new TextEncoder().encode(secret);
  const out = await Promise.all(
    bodies.map(async (body) => {
      await jwtVerify(body, key, { algorithms: ["HS256"] });
      const raw = Buffer.from(body.split(".")[1]!, "base64url").toString("utf8");
      return { raw, event: JSON.parse(raw) as Record<string, unknown> };
    }),
  );
  return out.sort((a, b) => Number(a.event.event_timestamp) - Number(b.event.event_timestamp));
}

describe("strict-mode webhooks", { timeout: 60_000 }, () => {
  it("writes ids at or above 2^53 as exact JSON number literals", async () => {
    const [leg] = await addCall({ kind: "answered" });
    await deliverAll();
    const events = await delivered();
    expect(BigInt(leg.call_id) >= 2n ** 53n).toBe(true);
    for (const { raw } of events) expect(raw).toContain(`"call_id":${leg.call_id},`);
    // A plain JSON.parse cannot hold such an id exactly: the client must read the digits from the text.
    expect(Number.isSafeInteger(events[0]!.event.call_id)).toBe(false);
  });

  it("sends partial post-call events minutes after hangup: no connect time, no voicemail fields", async () => {
    const [leg] = await addCall({ kind: "voicemail" });
    await deliverAll();
    const events = (await delivered()).map((d) => d.event);
    expect(events.map((e) => e.state)).toEqual(["ringing", "voicemail", "hangup", "voicemail_uploaded", "postcall", "transcription"]);
    const ended = Number(leg.date_ended);
    const [postcall, transcription] = events.slice(4);
    expect(Number(postcall!.event_timestamp) - ended).toBe(180_000);
    expect(Number(transcription!.event_timestamp) - ended).toBe(240_000);
    for (const partial of [postcall!, transcription!]) {
      expect(partial).toMatchObject({ date_connected: null, date_rang: null, direction: "inbound" });
      expect(Number(partial.date_ended)).toBe(ended);
      for (const key of ["voicemail_link", "voicemail_recording_id", "voicemail_share_link", "recording_details", "duration"]) {
        expect(partial).not.toHaveProperty(key);
      }
    }
    expect(transcription!.transcription_text).toEqual(expect.any(String));
    expect(events[3]!.voicemail_link).toEqual(expect.stringMatching(/^https:\/\//));
  });

  it("moves a recorded call's recording event two minutes after hangup, partial too", async () => {
    const [leg] = await addCall({ kind: "answered", was_recorded: true });
    await deliverAll();
    const events = (await delivered()).map((d) => d.event);
    expect(events.map((e) => e.state)).toEqual(["ringing", "connected", "hangup", "recording", "postcall"]);
    const recording = events[3]!;
    expect(Number(recording.event_timestamp) - Number(leg.date_ended)).toBe(120_000);
    expect(recording).toMatchObject({ date_connected: null, was_recorded: true });
    expect(recording.recording_details).toEqual([expect.objectContaining({ recording_type: "callrecording" })]);
    expect(events[1]!.date_connected).toEqual(expect.any(Number));
  });
});
