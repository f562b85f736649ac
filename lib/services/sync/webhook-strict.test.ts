import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/dialpad/route";
import type { Db } from "@/db/client";
import { listOrganizationCalls } from "@/db/queries/calls";
import { getDialpadConnection } from "@/db/queries/dialpad-connections";
import { listWebhookEvents } from "@/db/queries/webhook-inbox";
import type { RunningEmulator } from "@/emulator/server";
import { createVirtualClock } from "@/emulator/testing/virtual-clock";
import { classifyCallLeg } from "@/lib/calls/rules";
import type { CallLeg } from "@/lib/calls/types";
import { createTestDb } from "@/tests/db";
import { waitFor } from "@/tests/wait-for";
import { executeSyncRun } from "./execute-sync-run";
import { createSyncRun } from "./plan-run";
import { processWebhookInbox } from "./process-webhook-inbox";
import { admin, createConnectedOrganization, expectedCallLegs, fastClientFactory, rowToCallLeg, startSyncEmulator, syncEmulatorConfig } from "./testing/harness";
import { startForwardingServer, type ForwardingServer } from "./testing/webhook-harness";
import { registerDialpadWebhook } from "./webhook-registration";

// Strict Dialpad's live calls: partial post-call events minutes after hangup (no connect time, no
// voicemail fields, the newest event_timestamp of the leg), ids ≥ 2^53 as exact JSON numbers (issue 13).
const clock = createVirtualClock();
let emulator: RunningEmulator;
let forwarder: ForwardingServer;
beforeAll(async () => {
  emulator = await startSyncEmulator({ ...syncEmulatorConfig("strict"), users: 12, postCallDelaySeconds: 180 }, { clock });
  forwarder = await startForwardingServer(POST);
});
afterAll(async () => {
  await forwarder.close();
  await emulator.close();
});

async function deliverAll(): Promise<void> {
  await waitFor(
    async () => {
      if (clock.pending() > 0) await clock.advanceToNext();
      return emulator.state.dispatcher.isIdle && clock.pending() === 0;
    },
    { what: "every webhook event, the late post-call ones too, to be delivered" },
  );
}

const facts = (leg: CallLeg) => ({
  dialpadUserId: leg.dialpadUserId, direction: leg.direction, startedAt: leg.startedAt, rangAt: leg.rangAt,
  connectedAt: leg.connectedAt, endedAt: leg.endedAt, isTransferred: leg.isTransferred, wasRecorded: leg.wasRecorded,
  hasVoicemail: leg.hasVoicemail, isInternal: leg.isInternal, kind: classifyCallLeg(leg).kind,
});

describe("webhooks from strict Dialpad", { timeout: 120_000 }, () => {
  it("keep every leg's connect time, recording and voicemail through the late partial events, and a re-sync agrees", async () => {
    const db = await createTestDb();
    (globalThis as unknown as { daymarkDb?: Db }).daymarkDb = db;
    const organizationId = await createConnectedOrganization(db, emulator);
    const client = fastClientFactory(emulator.url)(db, organizationId);
    await registerDialpadWebhook(db, organizationId, { client, appUrl: forwarder.url });
    // Daymark subscribes to the call's own states only; Dialpad may still deliver post-call ones (another
    // subscription on the same webhook here), and the stored legs must survive them.
    const { webhookId } = (await getDialpadConnection(db, organizationId))!;
    await client.createCallSubscription({ webhookId: webhookId!, callStates: ["recording", "postcall", "transcription"] });
    const users = emulator.state.data.companies[0]!.users.filter((user) => user.state === "active" && user.phone);
    const added = await admin<{ items: Record<string, unknown>[] }>(emulator, "/calls", {
      calls: [
        { user: users[1]!.email, kind: "answered", was_recorded: true },
        { user: users[2]!.email, kind: "voicemail" },
        { user: users[3]!.email, to_user: users[4]!.email, kind: "voicemail" },
        { user: users[5]!.email, kind: "answered", via: "department" },
      ],
    });
    await deliverAll();
    await processWebhookInbox(db, organizationId);
    const states = (await listWebhookEvents(db, organizationId)).map(({ payload }) => (JSON.parse(payload) as { state: string }).state);
    expect(states.filter((state) => state === "postcall")).toHaveLength(added.items.length);

    // What the calls are, as GET /call lists them once they ended (the emulator's truth).
    const truth = expectedCallLegs(added.items);
    const stored = new Map((await listOrganizationCalls(db, organizationId)).map((row) => [row.dialpadCallId, rowToCallLeg(row)]));
    expect([...stored.keys()].sort()).toEqual([...truth.keys()].sort());
    const kinds = [...truth.values()].map((leg) => classifyCallLeg(leg).kind);
    expect(kinds).toContain("voicemail_received");
    // The internal caller's leg ends as a plain "hangup": linked to its receiver's voicemail when stored.
    expect(kinds.filter((kind) => kind === "voicemail_left")).toHaveLength(1);
    for (const [id, leg] of truth) expect(facts(stored.get(id)!)).toEqual(facts(leg));

    const starts = added.items.map((item) => Number(item.date_started));
    const run = await createSyncRun(db, organizationId, {
      kind: "resync", trigger: "admin", rangeStart: Math.min(...starts), rangeEnd: Math.max(...starts) + 1, now: clock.now(),
    });
    expect(await executeSyncRun(db, { organizationId: run!.organizationId, runId: run!.id }, { createClient: fastClientFactory(emulator.url), refreshUsers: false })).toMatchObject({ status: "succeeded" });
    const resynced = new Map((await listOrganizationCalls(db, organizationId)).map((row) => [row.dialpadCallId, rowToCallLeg(row)]));
    for (const [id, leg] of truth) expect(facts(resynced.get(id)!)).toEqual(facts(leg));
  });
});
