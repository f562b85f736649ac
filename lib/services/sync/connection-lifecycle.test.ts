import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { countOrganizationCalls } from "@/db/queries/calls";
import { getDialpadConnection } from "@/db/queries/dialpad-connections";
import { getOrganizationById } from "@/db/queries/organizations";
import { getSyncRun, getWebhookToken } from "@/db/queries/sync";
import type { RunningEmulator } from "@/emulator/server";
import { disconnectDialpad } from "@/lib/services/dialpad-connection/disconnect";
import { createTestDb, disposeTestDbs } from "@/tests/db";
import { createUser } from "@/tests/factories";
import { waitFor } from "@/tests/wait-for";
import { startSyncAfterConnect } from "./connection-lifecycle";
import { receiveDialpadWebhook } from "./receive-webhook";
import {
  admin,
  anchor,
  connectOrganization,
  createConnectedOrganization,
  dayMs,
  emulatorCalls,
  expectStoredCallsToMatch,
  fastClientFactory,
  startSyncEmulator,
  syncEmulatorConfig,
  syncModes,
} from "./testing/harness";
import { callEvent, signEvent } from "./testing/webhook-harness";
import { webhookCallStates } from "./webhook-registration";

let emulator: RunningEmulator;
// Each test starts from an emulated company without webhooks.
beforeEach(() => admin(emulator, "/reset", {}));

const runOptions = () => ({ createClient: fastClientFactory(emulator.url), refreshUsers: false });
const hooks = () => emulator.state.hooks.listWebhooks(0);
const subscriptions = () => emulator.state.hooks.listSubscriptions(0);
const tokenOf = (db: Db, organizationId: number) => getWebhookToken(db, organizationId);

async function waitForRun(db: Db, organizationId: number, runId: number) {
  return waitFor(
    async () => {
      const run = await getSyncRun(db, organizationId, runId);
      return run?.status === "running" ? null : run;
    },
    { what: `sync run ${runId} to finish`, timeoutMs: 40_000 },
  );
}

describe.each(syncModes)("connection lifecycle, %s Dialpad", (syncMode) => {
  beforeAll(async () => {
    emulator = await startSyncEmulator(syncEmulatorConfig(syncMode));
  });
  // Each mode's databases go when its tests end, so both modes together hold no more PostgreSQL connections than one.
  afterAll(async () => {
    await emulator.close();
    await disposeTestDbs();
  });

  describe("connect and disconnect", () => {
    it("on connect registers one webhook and subscription, then backfills the default 30 days in the background", async () => {
      const db = await createTestDb();
      const organizationId = await createConnectedOrganization(db, emulator);
      const runId = await startSyncAfterConnect(db, organizationId, { now: anchor, runOptions: runOptions() });
      const run = await waitForRun(db, organizationId, runId!);
      expect(run).toMatchObject({ kind: "backfill", trigger: "connect", status: "succeeded", windowsTotal: 30, rangeStart: anchor - 30 * dayMs });
      await expectStoredCallsToMatch(db, organizationId, await emulatorCalls(emulator, anchor - 30 * dayMs, anchor));

      const token = await tokenOf(db, organizationId);
      const connection = await getDialpadConnection(db, organizationId);
      expect(hooks().map((hook) => hook.hookUrl)).toEqual([`http://127.0.0.1:3999/api/webhooks/dialpad?org=${token}`]);
      expect(subscriptions()).toMatchObject([{ webhookId: connection?.webhookId, callStates: [...webhookCallStates], enabled: true, targetId: null }]);
      expect(connection?.subscriptionId).toBe(subscriptions()[0]!.id);

      // A reconnect replaces the registration: still exactly one webhook, with a new URL token and secret.
      await connectOrganization(db, emulator, organizationId);
      await startSyncAfterConnect(db, organizationId, { now: anchor, runOptions: runOptions() });
      await waitFor(async () => (await tokenOf(db, organizationId)) !== token, { what: "the reconnect to store a new webhook URL token" });
      await waitFor(() => subscriptions().length === 1, { what: "the reconnect to leave exactly one subscription at Dialpad" });
      expect(hooks()).toHaveLength(1);
      expect(subscriptions()).toHaveLength(1);
    }, 60_000);

    it("on disconnect removes the webhook at Dialpad, refuses its URL, and deletes the calls if asked", async () => {
      const db = await createTestDb();
      const organizationId = await createConnectedOrganization(db, emulator);
      const runId = await startSyncAfterConnect(db, organizationId, { now: anchor, runOptions: runOptions() });
      await waitForRun(db, organizationId, runId!);
      await waitFor(async () => (await getDialpadConnection(db, organizationId))?.subscriptionId, { what: "the webhook subscription to be stored" });
      const token = (await tokenOf(db, organizationId))!;
      const secret = emulator.state.hooks.listWebhooks(0).at(-1)!.secret!;
      expect(await countOrganizationCalls(db, organizationId)).toBeGreaterThan(0);

      // A real user: the disconnect's audit event refers to them.
      const dana = await createUser(db, (await getOrganizationById(db, organizationId))!, { name: "Dana", role: "admin" });
      await disconnectDialpad(db, { organizationId, userId: dana.id, name: "Dana", role: "admin" }, { deleteCallData: true });

      expect(hooks()).toEqual([]);
      expect(subscriptions()).toEqual([]);
      expect(await countOrganizationCalls(db, organizationId)).toBe(0);
      expect(await tokenOf(db, organizationId)).toBeNull();
      const late = await signEvent(callEvent(1, "hangup", 1), secret);
      expect(await receiveDialpadWebhook(db, { token, body: late })).toEqual({ status: 404, error: "Unknown webhook." });
    }, 60_000);
  });
});
