import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/dialpad/route";
import type { Db } from "@/db/client";
import { getCallByDialpadId, listOrganizationCalls } from "@/db/queries/calls";
import { getWebhookToken } from "@/db/queries/sync";
import { listWebhookEvents } from "@/db/queries/webhook-inbox";
import type { RunningEmulator } from "@/emulator/server";
import { createVirtualClock, type VirtualClock } from "@/emulator/testing/virtual-clock";
import type { CallLeg } from "@/lib/calls/types";
import { parseJsonExact } from "@/lib/integrations/dialpad/exact-json";
import { parseCallItems } from "@/lib/integrations/dialpad/schema";
import { toStoredCallPayload } from "@/lib/integrations/dialpad/stored-payload";
import { toCallLeg } from "@/lib/integrations/dialpad/transform";
import { createTestDb } from "@/tests/db";
import { waitFor } from "@/tests/wait-for";
import { executeSyncRun } from "./execute-sync-run";
import { createSyncRun } from "./plan-run";
import { processWebhookInbox } from "./process-webhook-inbox";
import { receiveDialpadWebhook } from "./receive-webhook";
import { runSyncTick } from "./run-sync-tick";
import {
  admin,
  createConnectedOrganization,
  fastClientFactory,
  rowToCallLeg,
  startSyncEmulator,
  syncEmulatorConfig,
  syncModes,
} from "./testing/harness";
import { signEvent, startForwardingServer, storedWebhookSecret, type ForwardingServer, callEvent } from "./testing/webhook-harness";
import { registerDialpadWebhook } from "./webhook-registration";

let emulator: RunningEmulator;
let forwarder: ForwardingServer;
let clock: VirtualClock;

async function connectWithWebhook() {
  const db = await createTestDb();
  (globalThis as unknown as { daymarkDb?: Db }).daymarkDb = db;
  const organizationId = await createConnectedOrganization(db, emulator);
  const client = fastClientFactory(emulator.url)(db, organizationId);
  await registerDialpadWebhook(db, organizationId, { client, appUrl: forwarder.url });
  return { db, organizationId };
}

const timing = (leg: CallLeg) => ({
  dialpadUserId: leg.dialpadUserId, direction: leg.direction, startedAt: leg.startedAt, rangAt: leg.rangAt,
  connectedAt: leg.connectedAt, endedAt: leg.endedAt, masterCallId: leg.masterCallId, entryPointCallId: leg.entryPointCallId,
});

describe.each(syncModes)("webhook delivery, %s Dialpad", (syncMode) => {
  beforeAll(async () => {
    // Seven active users with a phone, in either mode; strict Dialpad's post-call events come minutes late, on virtual time.
    clock = createVirtualClock();
    emulator = await startSyncEmulator({ ...syncEmulatorConfig(syncMode), users: 12 }, { clock });
    forwarder = await startForwardingServer(POST);
  });
  afterAll(async () => {
    await forwarder.close();
    await emulator.close();
  });

  describe("webhooks from Dialpad's sender", () => {
    it("brings every leg of live calls in, and polling afterwards keeps whichever version is newer", async () => {
      const { db, organizationId } = await connectWithWebhook();
      const users = emulator.state.data.companies[0]!.users.filter((user) => user.state === "active" && user.phone);
      const added = await admin<{ items: Record<string, unknown>[] }>(emulator, "/calls", {
        calls: [
          { user: users[1]!.email, kind: "answered" },
          { user: users[2]!.email, kind: "missed" },
          { user: users[3]!.email, kind: "voicemail" },
          { user: users[4]!.email, to_user: users[5]!.email },
          { user: users[6]!.email, kind: "answered", via: "department" },
        ],
      });
      await waitFor(
        async () => {
          if (clock.pending() > 0) await clock.advanceToNext();
          return emulator.state.dispatcher.isIdle && clock.pending() === 0;
        },
        { what: "every webhook event to be delivered" },
      );
      await processWebhookInbox(db, organizationId);

      expect(new Set(forwarder.statuses)).toEqual(new Set([200]));
      const rest = new Map(added.items.map((item) => [String(item.call_id), toCallLeg(parseCallItems([item]).calls[0]!)]));
      const stored = await listOrganizationCalls(db, organizationId);
      expect(stored.map((row) => row.dialpadCallId).sort()).toEqual([...rest.keys()].sort());
      for (const row of stored) expect(timing(rowToCallLeg(row))).toEqual(timing(rest.get(row.dialpadCallId)!));

      const newestEvent = new Map<string, number>();
      for (const { payload } of await listWebhookEvents(db, organizationId)) {
        // Strict Dialpad's ids are beyond 2^53: read them exactly, as the app does.
        const event = parseJsonExact(payload) as { call_id: number | string; event_timestamp: number };
        newestEvent.set(String(event.call_id), Math.max(newestEvent.get(String(event.call_id)) ?? 0, event.event_timestamp));
      }
      const starts = added.items.map((item) => Number(item.date_started));
      const run = await createSyncRun(db, organizationId, {
        kind: "resync", trigger: "admin", rangeStart: Math.min(...starts), rangeEnd: Math.max(...starts) + 1, now: Date.now(),
      });
      const polled = await executeSyncRun(db, { organizationId: run!.organizationId, runId: run!.id }, { createClient: fastClientFactory(emulator.url), refreshUsers: false });
      const restItems = new Map(added.items.map((item) => [String(item.call_id), item]));
      let expectUpdated = 0;
      for (const [id, leg] of rest) {
        const row = await getCallByDialpadId(db, organizationId, id);
        const isRestNewer = leg.eventTimestamp > newestEvent.get(id)!;
        if (isRestNewer) expectUpdated++;
        expect(row?.eventTimestamp).toBe(Math.max(leg.eventTimestamp, newestEvent.get(id)!));
        expect(JSON.parse(row!.raw)).toEqual(isRestNewer ? toStoredCallPayload(restItems.get(id)) : expect.objectContaining({ state: expect.any(String), talk_time: expect.anything() }));
      }
      expect(polled).toMatchObject({ status: "succeeded", callsSeen: rest.size, callsAdded: 0, callsUpdated: expectUpdated });
    });

    it("applies events left in the inbox by a crash after the 200 on the next scheduler tick", async () => {
      const { db, organizationId } = await connectWithWebhook();
      const token = (await getWebhookToken(db, organizationId))!;
      // A call from an hour ago: the tick also runs the privacy retention, which deletes calls older than 13 months.
      const started = Date.now() - 3_600_000;
      const times = { date_started: started, date_rang: started + 300, date_connected: started + 5_000, date_ended: started + 65_000 };
      const body = await signEvent(callEvent(7001, "hangup", started + 65_000, times), await storedWebhookSecret(db, organizationId));
      // The process stops right after answering 200: the event is in the inbox, not yet applied.
      expect(await receiveDialpadWebhook(db, { token, body })).toEqual({ status: 200, organizationId, isDuplicate: false });
      expect(await getCallByDialpadId(db, organizationId, "7001")).toBeUndefined();

      const summary = await runSyncTick(db, {
        sweepAfterMs: 0,
        awaitRuns: true,
        runOptions: { createClient: fastClientFactory(emulator.url), refreshUsers: false },
      });
      expect(summary.webhookEventsSwept).toBe(1);
      expect((await getCallByDialpadId(db, organizationId, "7001"))?.state).toBe("hangup");
      expect((await listWebhookEvents(db, organizationId)).map((row) => row.processedAt !== null)).toEqual([true]);
    });
  });
});
