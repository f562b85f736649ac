import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getActiveEngine } from "@/db/engine";
import { withTransaction } from "@/db/transaction";
import { buildCallLeg } from "@/lib/calls/build-call-leg";
import { classifyCallLeg } from "@/lib/calls/rules";
import type { CallLeg } from "@/lib/calls/types";
import { createTestDb } from "@/tests/db";
import { createOrganization } from "@/tests/factories";
import { getCallByDialpadId, nextWriteStamp, upsertCallRows, type IncomingLeg } from "./calls";
import { commitWebhookBatch } from "./webhook-inbox";

// Issue 13, "Call facts must be sticky": the events of one receiver's voicemail leg and one answered
// outbound leg, as Dialpad sends them (strict emulator: a partial post-call event minutes after hangup).
const t0 = Date.parse("2026-03-10T10:00:00Z");
const s = (seconds: number) => t0 + seconds * 1000;
const voicemailLeg = (overrides: Partial<CallLeg>): CallLeg =>
  buildCallLeg({ dialpadCallId: "18000000000000101", direction: "inbound", startedAt: t0, isInternal: true, entryPointCallId: "18000000000000100", masterCallId: "18000000000000100", ...overrides });
const voicemail = voicemailLeg({ state: "voicemail", rangAt: s(1), eventTimestamp: s(20), hasVoicemail: true });
const voicemailHangup = voicemailLeg({ state: "hangup", rangAt: s(1), endedAt: s(65), eventTimestamp: s(66), hasVoicemail: true, durationMs: 0 });
// 180 s after hangup: no dates but start and end, no voicemail fields, no durations or flags.
const voicemailPostcall = voicemailLeg({ state: "postcall", endedAt: s(65), eventTimestamp: s(245) });

const answered = (overrides: Partial<CallLeg>): CallLeg =>
  buildCallLeg({ dialpadCallId: "18000000000000200", direction: "outbound", startedAt: t0, contactName: "Pat Buyer", ...overrides });
const connected = answered({ state: "connected", rangAt: s(2), connectedAt: s(10), eventTimestamp: s(10) });
const hangup = answered({ state: "hangup", rangAt: s(2), connectedAt: s(10), endedAt: s(70), eventTimestamp: s(71), durationMs: 59_800, isTransferred: true, labels: ["sales"] });
const recording = answered({ state: "recording", endedAt: s(70), eventTimestamp: s(190), wasRecorded: true, contactName: null });
const postcall = answered({ state: "postcall", endedAt: s(70), eventTimestamp: s(250), contactName: null });
// GET /call has no event_timestamp: the transform orders the item by date_ended, older than any webhook after hangup.
const restItem = answered({ state: "hangup", rangAt: s(2), connectedAt: s(10), endedAt: s(70), eventTimestamp: s(70), durationMs: 59_800, wasRecorded: true, isTransferred: true, labels: ["sales"] });

let rawSeq = 0;
const incoming = (leg: CallLeg): IncomingLeg => ({ leg, raw: { state: leg.state, event_timestamp: leg.eventTimestamp, n: rawSeq++ } });
const upsertEach = async (db: Db, organizationId: number, legs: CallLeg[]) => {
  for (const leg of legs) await withTransaction(db, (tx) => upsertCallRows(tx, organizationId, [incoming(leg)], nextWriteStamp()));
};
const stored = async (db: Db, organizationId: number, id: string) => {
  const row = (await getCallByDialpadId(db, organizationId, id))!;
  const { state, rangAt, connectedAt, endedAt, eventTimestamp, durationMs, contactName, isTransferred, wasRecorded, hasVoicemail, leftVoicemail, labels } = row;
  return { state, rangAt, connectedAt, endedAt, eventTimestamp, durationMs, contactName, isTransferred, wasRecorded, hasVoicemail, leftVoicemail, labels };
};

const expectedVoicemail = {
  state: "hangup", rangAt: s(1), connectedAt: null, endedAt: s(65), eventTimestamp: s(66), durationMs: 0, contactName: null,
  isTransferred: false, wasRecorded: false, hasVoicemail: true, leftVoicemail: false, labels: "[]",
};
const expectedAnswered = {
  state: "hangup", rangAt: s(2), connectedAt: s(10), endedAt: s(70), eventTimestamp: s(71), durationMs: 59_800, contactName: "Pat Buyer",
  isTransferred: true, wasRecorded: true, hasVoicemail: false, leftVoicemail: false, labels: '["sales"]',
};

describe(`sticky call facts on ${getActiveEngine()}`, () => {
  it("keeps the receiver's voicemail and the ended time when a partial post-call event arrives after the full one", async () => {
    const db = await createTestDb();
    const { id: organizationId } = await createOrganization(db);
    await upsertEach(db, organizationId, [voicemail, voicemailHangup, voicemailPostcall]);
    expect(await stored(db, organizationId, voicemail.dialpadCallId)).toEqual(expectedVoicemail);
    const row = (await getCallByDialpadId(db, organizationId, voicemail.dialpadCallId))!;
    expect(classifyCallLeg({ ...row, labels: [] })).toMatchObject({ kind: "voicemail_received", isFlagged: true });
  });

  it("stores the same leg whatever order its events arrive in, one at a time or in one batch", async () => {
    const db = await createTestDb();
    const orders = [
      [connected, hangup, recording, postcall],
      [postcall, recording, hangup, connected],
      [recording, postcall, connected, hangup],
      [hangup, postcall, connected, recording],
    ];
    for (const order of orders) {
      const { id: organizationId } = await createOrganization(db);
      await upsertEach(db, organizationId, order);
      expect(await stored(db, organizationId, hangup.dialpadCallId)).toEqual(expectedAnswered);
    }
    const { id: organizationId } = await createOrganization(db);
    await commitWebhookBatch(db, { organizationId, eventIds: [], legs: [postcall, connected, recording, hangup].map(incoming), rejected: [], now: nextWriteStamp() });
    expect(await stored(db, organizationId, hangup.dialpadCallId)).toEqual(expectedAnswered);
  });

  it("lets a REST item ordered by date_ended fill what the webhooks left out, and writes nothing when it adds nothing", async () => {
    const db = await createTestDb();
    const { id: organizationId } = await createOrganization(db);
    // The webhooks' connected event was lost; only the late partial ones arrived.
    await upsertEach(db, organizationId, [postcall]);
    expect(await stored(db, organizationId, hangup.dialpadCallId)).toMatchObject({ state: "postcall", connectedAt: null, wasRecorded: false });
    const item = incoming(restItem);
    const write = () => withTransaction(db, (tx) => upsertCallRows(tx, organizationId, [item], nextWriteStamp()));
    expect(await write()).toEqual({ added: 0, updated: 1 });
    expect(await stored(db, organizationId, hangup.dialpadCallId)).toEqual({ ...expectedAnswered, eventTimestamp: s(70) });
    // The next re-sync reads the same item: nothing changes, nothing is counted or re-scored.
    const before = (await getCallByDialpadId(db, organizationId, hangup.dialpadCallId))!.updatedAt;
    expect(await write()).toEqual({ added: 0, updated: 0 });
    expect((await getCallByDialpadId(db, organizationId, hangup.dialpadCallId))!.updatedAt).toBe(before);
  });

  it("marks the caller's leg of an internal call whose receiver got the voicemail, in either order", async () => {
    const caller = buildCallLeg({
      dialpadCallId: "18000000000000100", direction: "outbound", state: "hangup", isInternal: true, masterCallId: "18000000000000100",
      startedAt: t0, rangAt: s(1), connectedAt: s(20), endedAt: s(65), eventTimestamp: s(66),
    });
    const unrelated = buildCallLeg({ dialpadCallId: "18000000000000300", direction: "outbound", state: "hangup", startedAt: t0, connectedAt: s(5), endedAt: s(40), eventTimestamp: s(41) });
    const db = await createTestDb();
    for (const order of [[caller, unrelated, voicemail, voicemailHangup], [voicemailHangup, unrelated, caller]]) {
      const { id: organizationId } = await createOrganization(db);
      await upsertEach(db, organizationId, order);
      expect((await stored(db, organizationId, caller.dialpadCallId)).leftVoicemail).toBe(true);
      expect((await stored(db, organizationId, voicemail.dialpadCallId)).leftVoicemail).toBe(false);
      expect((await stored(db, organizationId, unrelated.dialpadCallId)).leftVoicemail).toBe(false);
      const row = (await getCallByDialpadId(db, organizationId, caller.dialpadCallId))!;
      expect(classifyCallLeg({ ...row, labels: [] })).toMatchObject({
        kind: "voicemail_left", interval: { start: s(20), end: s(65) }, isVoicemailLeft: true,
      });
    }
  });
});
