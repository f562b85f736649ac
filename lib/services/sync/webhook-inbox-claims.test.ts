import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "@/db/client";
import { countOrganizationCalls } from "@/db/queries/calls";
import { insertWebhookEvent, listWebhookEvents } from "@/db/queries/webhook-inbox";
import { createOrganization } from "@/tests/factories";
import { createTestDb, testDatabaseUrl } from "@/tests/db";
import { processWebhookInbox, type InboxResult } from "./process-webhook-inbox";
import { callEvent } from "./testing/webhook-harness";

const handles: Db[] = [];
afterEach(async () => {
  for (const handle of handles.splice(0)) await closeDatabase(handle);
});

describe("processWebhookInbox", () => {
  it("applies each event once when two processes drain one inbox at the same time", async () => {
    const db = await createTestDb();
    const organization = await createOrganization(db);
    for (let n = 1; n <= 120; n++) {
      const payload = callEvent(9_000 + n, "hangup", 1_750_000_065_000);
      await insertWebhookEvent(db, { organizationId: organization.id, eventKey: `e${n}`, payload: JSON.stringify(payload), receivedAt: 1 });
    }
    // Two connections as two processes would hold them; small batches so both are busy at once.
    const [first, second] = [openDatabase(testDatabaseUrl(db)), openDatabase(testDatabaseUrl(db))];
    handles.push(first, second);

    const results: InboxResult[] = await Promise.all([
      processWebhookInbox(first, organization.id, { batchSize: 5 }),
      processWebhookInbox(second, organization.id, { batchSize: 5 }),
    ]);

    expect(results.reduce((sum, result) => sum + result.events, 0)).toBe(120);
    expect(results.reduce((sum, result) => sum + result.added + result.updated, 0)).toBe(120);
    expect(await countOrganizationCalls(db, organization.id)).toBe(120);
    expect((await listWebhookEvents(db, organization.id)).every((row) => row.processedAt !== null)).toBe(true);
  });
});
