import { describe, expect, it } from "vitest";
import { countOrganizationCalls, listQuarantinedRecords } from "@/db/queries/calls";
import type { DialpadClient, ListCallsParams } from "@/lib/integrations/dialpad/client";
import { parseCallItems } from "@/lib/integrations/dialpad/schema";
import { createTestDb } from "@/tests/db";
import { createOrganization } from "@/tests/factories";
import { executeSyncRun } from "./execute-sync-run";
import { createSyncRun } from "./plan-run";
import { callEvent } from "./testing/webhook-harness";

const now = 1_750_100_000_000;

/** A Dialpad client whose call list is one page, whatever the window. */
function onePageClient(items: unknown[]): DialpadClient {
  const listCalls = async (params: ListCallsParams) => {
    const inWindow = items.filter((item) => {
      const started = Number((item as { date_started?: unknown }).date_started ?? params.startedBefore - 1);
      return started > params.startedAfter && started < params.startedBefore;
    });
    const { calls, rejected } = parseCallItems(inWindow);
    const rejectedItems = new Set(rejected.map((item) => item.raw));
    return { calls, rejected, raw: inWindow.filter((item) => !rejectedItems.has(item)), cursor: null };
  };
  const stats = () => ({ requests: 0, retries: 0, rateLimited: 0, timeouts: 0, tokenRefreshes: 0 });
  return { listCalls, stats } as unknown as DialpadClient;
}

describe("bad records", () => {
  it("are quarantined with their raw payload; the run carries on and stores the good ones", async () => {
    const db = await createTestDb();
    const organization = await createOrganization(db);
    const good = callEvent(501, "hangup", now - 1_000, { date_started: now - 60_000 });
    const bad = { call_id: "502", direction: "sideways", date_started: now - 30_000 };
    const client = onePageClient([good, bad]);
    const options = { createClient: () => client, refreshUsers: false };

    const first = await createSyncRun(db, organization.id, { kind: "resync", trigger: "admin", rangeStart: now - 3_600_000, rangeEnd: now, now });
    expect(await executeSyncRun(db, { organizationId: first!.organizationId, runId: first!.id }, options)).toMatchObject({ status: "succeeded", callsSeen: 2, callsAdded: 1, quarantined: 1 });
    const second = await createSyncRun(db, organization.id, { kind: "resync", trigger: "admin", rangeStart: now - 3_600_000, rangeEnd: now, now });
    expect(await executeSyncRun(db, { organizationId: second!.organizationId, runId: second!.id }, options)).toMatchObject({ status: "succeeded", callsAdded: 0, quarantined: 1 });

    expect(await countOrganizationCalls(db, organization.id)).toBe(1);
    const [record, ...others] = await listQuarantinedRecords(db, organization.id);
    expect(others).toEqual([]);
    expect(record).toMatchObject({ source: "poll", dialpadCallId: "502", syncRunId: second!.id, timesSeen: 2 });
    expect(JSON.parse(record!.raw)).toEqual(bad);
    expect(JSON.parse(record!.issues)).toEqual(['direction: Invalid option: expected one of "inbound"|"outbound"']);
  });
});
