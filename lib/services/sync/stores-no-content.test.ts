// Daymark stores metadata only: a voicemail transcription, an AI recap or a recording link that Dialpad
// sends, by REST or by webhook, never reaches the database (the SQLite file and its WAL are read byte
// for byte; on PostgreSQL every text and JSON column of every table is searched).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCallByDialpadId } from "@/db/queries/calls";
import { getWebhookToken } from "@/db/queries/sync";
import { findStoredText } from "@/db/testing/find-stored-text";
import type { RunningEmulator } from "@/emulator/server";
import { createTestDb, disposeTestDbs, testDatabaseUrl } from "@/tests/db";
import { executeSyncRun } from "./execute-sync-run";
import { createSyncRun } from "./plan-run";
import { processWebhookInbox } from "./process-webhook-inbox";
import { receiveDialpadWebhook } from "./receive-webhook";
import { anchor, createConnectedOrganization, dayMs, emulatorCalls, fastClientFactory, startSyncEmulator } from "./testing/harness";
import { callEvent, signEvent, storedWebhookSecret } from "./testing/webhook-harness";
import { registerDialpadWebhook } from "./webhook-registration";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startSyncEmulator();
});
afterAll(async () => {
  await emulator.close();
  await disposeTestDbs();
});

describe("calls store metadata only", () => {
  it("a backfill stores every voicemail leg Dialpad lists without its transcription or links", async () => {
    const db = await createTestDb();
    const organizationId = await createConnectedOrganization(db, emulator);
    const rangeStart = anchor - 2 * dayMs;
    const items = await emulatorCalls(emulator, rangeStart, anchor);
    const voicemails = items.filter((item) => typeof item.transcription_text === "string" && item.transcription_text !== "");
    const transcriptions = [...new Set(voicemails.map((item) => String(item.transcription_text)))];
    const links = voicemails.map((item) => item.voicemail_share_link).filter((link): link is string => typeof link === "string" && link !== "");
    expect(transcriptions.length).toBeGreaterThan(0);
    expect(links.length).toBeGreaterThan(0);

    const run = await createSyncRun(db, organizationId, { kind: "backfill", trigger: "connect", rangeStart, rangeEnd: anchor, now: anchor });
    const finished = await executeSyncRun(db, { organizationId, runId: run!.id }, { createClient: fastClientFactory(emulator.url), refreshUsers: false });
    expect(finished).toMatchObject({ status: "succeeded", callsAdded: items.length });
    const stored = await getCallByDialpadId(db, organizationId, String(voicemails[0]!.call_id));
    expect(stored).toMatchObject({ hasVoicemail: voicemails[0]!.direction === "inbound" });
    expect(JSON.parse(stored!.raw)).toMatchObject({ call_id: String(voicemails[0]!.call_id), state: voicemails[0]!.state });

    expect(await findStoredText(db, testDatabaseUrl(db), [...transcriptions, ...links])).toEqual([]);
  });

  it("a webhook event carrying a transcription and an AI recap is applied, an invalid one quarantined, and neither text is stored", async () => {
    const db = await createTestDb();
    const organizationId = await createConnectedOrganization(db, emulator);
    await registerDialpadWebhook(db, organizationId, { client: fastClientFactory(emulator.url)(db, organizationId) });
    const token = (await getWebhookToken(db, organizationId))!;
    const secret = await storedWebhookSecret(db, organizationId);
    const transcription = "Zephyrine Quackenbush here, my account PIN is 40417";
    const recap = "Customer Quackenbush disclosed account PIN";
    const link = "https://dialpad.test/secureblob/voicemail-zq-40417";
    const event = callEvent(9101, "transcription", 1_750_000_100_000, {
      transcription_text: transcription,
      recap_summary: recap,
      custom_data: recap,
      voicemail_link: link,
      voicemail_recording_id: "vm-9101",
    });

    // A record failing validation is quarantined under the same allow-list.
    const invalid = callEvent(9102, "transcription", 1_750_000_100_000, { direction: "sideways", transcription_text: `${transcription} again` });

    for (const body of [event, invalid]) {
      expect(await receiveDialpadWebhook(db, { token, body: await signEvent(body, secret) })).toMatchObject({ status: 200, isDuplicate: false });
    }
    expect(await processWebhookInbox(db, organizationId)).toMatchObject({ events: 2, added: 1, quarantined: 1 });
    const stored = await getCallByDialpadId(db, organizationId, "9101");
    expect(stored).toMatchObject({ state: "transcription", hasVoicemail: true, externalNumber: "+14155550100" });
    expect(Object.keys(JSON.parse(stored!.raw) as object).sort()).toEqual([
      "call_id", "contact", "date_connected", "date_ended", "date_rang", "date_started", "direction", "event_timestamp",
      "external_number", "internal_number", "state", "target", "voicemail_recording_id",
    ]);

    expect(await findStoredText(db, testDatabaseUrl(db), [transcription, "Quackenbush", recap])).toEqual([]);
  });
});
