import { describe, expect, it } from "vitest";
import { callKindLabels, type CallKind } from "@/lib/calls/rules";
import { createTestDb } from "@/tests/db";
import { createEmployee, createOrganization } from "@/tests/factories";
import { drainScoreQueue } from "./drain-score-queue";
import { linkEmployee, readDay, readEntries, storeLegs, utc } from "./testing";

// Issue 13: Dialpad ends the caller's leg of an internal call that went to voicemail as a plain "hangup";
// only the receiver's leg carries the voicemail. The pair is linked when stored, in either order.
const caller = {
  dialpadCallId: "18000000000000100", dialpadUserId: "ua", direction: "outbound" as const, state: "hangup", isInternal: true,
  masterCallId: "18000000000000100", contactType: "user", startedAt: utc("2026-03-10T14:00:00Z"), rangAt: utc("2026-03-10T14:00:01Z"),
  connectedAt: utc("2026-03-10T14:00:20Z"), endedAt: utc("2026-03-10T14:01:05Z"),
};
const receiver = {
  dialpadCallId: "18000000000000101", dialpadUserId: "ub", direction: "inbound" as const, state: "voicemail_uploaded", isInternal: true,
  masterCallId: caller.dialpadCallId, entryPointCallId: caller.dialpadCallId, contactType: "user", hasVoicemail: true,
  startedAt: caller.startedAt, rangAt: caller.rangAt, endedAt: caller.endedAt,
};

describe("a voicemail left on an internal call", () => {
  it.each([
    ["the caller's leg first", [[caller], [receiver]]],
    ["the receiver's leg first", [[receiver], [caller]]],
  ] as const)("is the caller's 'Voicemail left (counted)' with its connected time, %s", async (_, batches) => {
    const db = await createTestDb();
    const organization = await createOrganization(db, { timezone: "America/New_York" });
    const alice = await createEmployee(db, organization, { name: "Alice" });
    const bob = await createEmployee(db, organization, { name: "Bob" });
    await linkEmployee(db, alice, "ua");
    await linkEmployee(db, bob, "ub");
    for (const batch of batches) {
      await storeLegs(db, organization.id, [...batch]);
      await drainScoreQueue(db, organization.id);
    }

    // The same score as a plain connected call of 45 s: (3 × 0.75 + 2 × 6) ÷ 5 = 2.85 → 3; only the label and "left" change.
    expect(await readDay(db, alice, "2026-03-10")).toMatchObject({
      talkMs: 45_000, connectedCalls: 1, voicemailsLeft: 1, voicemailsReceived: 0, score: 3, breakdown: { weightedMean: 2.85 },
    });
    const entries = await readEntries(db, alice, "2026-03-10");
    expect(entries).toEqual([[caller.dialpadCallId, "voicemail_left", 45, 45, true]]);
    expect(callKindLabels[entries[0]![1] as CallKind]).toBe("Voicemail left (counted)");
    expect(await readDay(db, bob, "2026-03-10")).toMatchObject({ talkMs: 0, voicemailsLeft: 0, voicemailsReceived: 1, score: 0 });
  });
});
