import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "@/db/client";
import { getActiveEngine } from "@/db/engine";
import { withTransaction } from "@/db/transaction";
import { buildCallLeg } from "@/lib/calls/build-call-leg";
import type { CallLeg } from "@/lib/calls/types";
import { createTestDb, testDatabaseUrl } from "@/tests/db";
import { createOrganization } from "@/tests/factories";
import { getCallByDialpadId, listOrganizationCalls, listQuarantinedRecords, nextWriteStamp, quarantineRecords, upsertCallRows, type IncomingLeg } from "./calls";
import { commitWebhookBatch } from "./webhook-inbox";

const started = 1_750_000_000_000;
const item = (leg: Partial<CallLeg> & Pick<CallLeg, "dialpadCallId">, raw: unknown = { id: leg.dialpadCallId }): IncomingLeg => ({
  leg: buildCallLeg({ startedAt: started, ...leg }),
  raw,
});
const upsert = (db: Db, organizationId: number, legs: IncomingLeg[]) =>
  withTransaction(db, (tx) => upsertCallRows(tx, organizationId, legs, nextWriteStamp()));

const others: Db[] = [];
afterEach(async () => {
  for (const other of others.splice(0)) await closeDatabase(other);
});

describe(`calls upsert on ${getActiveEngine()}`, () => {
  it("counts inserts and updates, keeps the newer event, and breaks a tie by the larger raw payload", async () => {
    const db = await createTestDb();
    const { id: organizationId } = await createOrganization(db);
    expect(await upsert(db, organizationId, [item({ dialpadCallId: "1", eventTimestamp: 10, state: "ringing", isInternal: true })])).toEqual({ added: 1, updated: 0 });

    // Older: ignored. Newer: applied. Same time, smaller raw: ignored; larger raw: applied.
    expect(await upsert(db, organizationId, [item({ dialpadCallId: "1", eventTimestamp: 9, state: "stale" })])).toEqual({ added: 0, updated: 0 });
    expect(await upsert(db, organizationId, [item({ dialpadCallId: "1", eventTimestamp: 20, state: "connected" }, { v: "b" }), item({ dialpadCallId: "2" })])).toEqual({ added: 1, updated: 1 });
    expect(await upsert(db, organizationId, [item({ dialpadCallId: "1", eventTimestamp: 20, state: "a" }, { v: "a" })])).toEqual({ added: 0, updated: 0 });
    expect(await upsert(db, organizationId, [item({ dialpadCallId: "1", eventTimestamp: 20, state: "c" }, { v: "c" })])).toEqual({ added: 0, updated: 1 });

    const stored = await getCallByDialpadId(db, organizationId, "1");
    expect(stored).toMatchObject({ state: "c", eventTimestamp: 20, isInternal: false, raw: '{"v":"c"}', labels: "[]", durationMs: null });
    expect((await listOrganizationCalls(db, organizationId)).map((row) => row.dialpadCallId)).toEqual(["1", "2"]);
  });

  it("quarantines a payload once and counts each time it is seen, also twice in one batch", async () => {
    const db = await createTestDb();
    const { id: organizationId } = await createOrganization(db);
    const bad = { raw: { call_id: 77, direction: "sideways" }, issues: ["direction: invalid"] };
    await withTransaction(db, (tx) => quarantineRecords(tx, organizationId, [bad, bad], { source: "webhook", syncRunId: null, now: 1 }));
    await withTransaction(db, (tx) => quarantineRecords(tx, organizationId, [bad], { source: "webhook", syncRunId: null, now: 2 }));
    expect(await listQuarantinedRecords(db, organizationId)).toMatchObject([{ dialpadCallId: "77", timesSeen: 3, firstSeenAt: 1, lastSeenAt: 2 }]);
  });

  it("lets two connections upsert the same legs in opposite orders at once; both commit and the newest event wins", async () => {
    const db = await createTestDb();
    const other = openDatabase(testDatabaseUrl(db));
    others.push(other);
    const { id: organizationId } = await createOrganization(db);
    const ids = Array.from({ length: 1_500 }, (_, i) => String(100_000 + i));
    await upsert(db, organizationId, ids.map((id) => item({ dialpadCallId: id, eventTimestamp: 1 })));

    const batch = (handle: Db, order: string[], eventTimestamp: number) =>
      commitWebhookBatch(handle, { organizationId, eventIds: [], legs: order.map((id) => item({ dialpadCallId: id, eventTimestamp })), rejected: [], now: nextWriteStamp() });
    for (let round = 0; round < 3; round++) {
      const [a, b] = await Promise.all([batch(db, ids, 10 + round * 2), batch(other, [...ids].reverse(), 11 + round * 2)]);
      expect(a.updated + b.updated).toBeGreaterThanOrEqual(ids.length);
    }
    const rows = await listOrganizationCalls(db, organizationId);
    expect(new Set(rows.map((row) => row.eventTimestamp))).toEqual(new Set([15]));
  });
});
