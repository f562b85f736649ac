import { describe, expect, it } from "vitest";
import { countOrganizationCalls } from "@/db/queries/calls";
import type { DialpadClient, ListCallsParams } from "@/lib/integrations/dialpad/client";
import { DialpadTransientError } from "@/lib/integrations/dialpad/errors";
import { parseCallItems } from "@/lib/integrations/dialpad/schema";
import { createTestDb } from "@/tests/db";
import { createOrganization } from "@/tests/factories";
import { executeSyncRun } from "./execute-sync-run";
import { createSyncRun } from "./plan-run";
import { callEvent } from "./testing/webhook-harness";

const now = 1_750_100_000_000;

/** Two calls per page; every request after `failAfter` pages fails like a Dialpad outage. */
function pagingClient(items: Record<string, unknown>[], failAfter: number): DialpadClient {
  let served = 0;
  const listCalls = async ({ cursor }: ListCallsParams) => {
    if (served >= failAfter) throw new DialpadTransientError("Dialpad answered GET /call with HTTP 503.", 503);
    served++;
    const offset = Number(cursor ?? 0);
    const slice = items.slice(offset, offset + 2);
    const { calls, rejected } = parseCallItems(slice);
    return { calls, rejected, raw: slice, cursor: offset + 2 < items.length ? String(offset + 2) : null };
  };
  const stats = () => ({ requests: served, retries: 0, rateLimited: 0, timeouts: 0, tokenRefreshes: 0 });
  return { listCalls, stats } as unknown as DialpadClient;
}

describe("a run that fails mid-batch", () => {
  it("stores the pages it already fetched with their checkpoint, so the resumed run starts after them", async () => {
    const db = await createTestDb();
    const organization = await createOrganization(db);
    const items = Array.from({ length: 10 }, (_, i) => callEvent(600 + i, "hangup", now - 1_000 - i, { date_started: now - 60_000 - i }));
    const run = await createSyncRun(db, organization.id, { kind: "resync", trigger: "admin", rangeStart: now - 3_600_000, rangeEnd: now, now });
    const options = { refreshUsers: false, commitRows: 1_000, maxPageAttempts: 1 };

    const failed = await executeSyncRun(db, { organizationId: run!.organizationId, runId: run!.id }, { ...options, createClient: () => pagingClient(items, 3) });
    expect(failed).toMatchObject({ status: "failed", isRetryable: true, pages: 3, callsAdded: 6, cursor: "6" });
    expect(await countOrganizationCalls(db, organization.id)).toBe(6);

    const resumed = await executeSyncRun(db, { organizationId: run!.organizationId, runId: run!.id }, { ...options, createClient: () => pagingClient(items.slice(0), 99) });
    expect(resumed).toMatchObject({ status: "succeeded", pages: 5, callsAdded: 10, callsUpdated: 0 });
    expect(await countOrganizationCalls(db, organization.id)).toBe(10);
  });
});
