import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "@/db/client";
import { getActiveEngine } from "@/db/engine";
import { withTransaction } from "@/db/transaction";
import { createTestDb, testDatabaseUrl } from "@/tests/db";
import { createEmployee, createOrganization } from "@/tests/factories";
import { startSecondProcess } from "@/tests/second-process";
import { listEmployeeDialpadLinks, listMappingEvents, saveDialpadDirectory, updateMapping } from "./mapping";
import { listQueueRows } from "./score-queue";
import { moveUserRounds, type MoveUserArgs } from "./testing/mapping-race";

const opened: Db[] = [];
afterEach(async () => {
  for (const handle of opened.splice(0)) await closeDatabase(handle);
});

async function arrange() {
  const db = await createTestDb();
  const organization = await createOrganization(db);
  const employees = await Promise.all([1, 2, 3].map(() => createEmployee(db, organization)));
  const dialpadUserId = "900001";
  const record = { dialpadUserId, emails: [], phoneNumbers: [], displayName: "Shared Line", firstName: null, lastName: null };
  await saveDialpadDirectory(
    db,
    organization.id,
    [{ ...record, state: "active", license: "talk", isSuperAdmin: false, timezone: null, jobTitle: null }],
    { now: Date.now(), rejectedCount: 0, rejectedIds: [] },
  );
  return { db, organizationId: organization.id, employeeIds: employees.map((e) => e.id), dialpadUserId };
}

describe(`updateMapping on ${getActiveEngine()}`, () => {
  it("serialises concurrent updates from several connections: one holder at a time, one audit row and one queued recompute per change", async () => {
    const { db, organizationId, employeeIds, dialpadUserId } = await arrange();
    const args = (offset: number): MoveUserArgs => ({ organizationId, dialpadUserId, employeeIds, rounds: 8, offset });
    // Writers: two handles in this process, and a third in another process (SQLite's lock across processes).
    const second = await startSecondProcess<number>(testDatabaseUrl(db), "db/queries/testing/mapping-race.ts", "moveUserRounds", args(2));
    const handles = [db, openDatabase(testDatabaseUrl(db))];
    opened.push(handles[1]!);

    const counts = await Promise.all([second.run(), ...handles.map((handle, index) => moveUserRounds(handle, args(index)))]);
    const changeCount = counts.reduce((a, b) => a + b, 0);

    const events = (await listMappingEvents(db, { organizationId, limit: 1_000 })).sort((a, b) => a.id - b.id);
    expect(events).toHaveLength(changeCount);
    // Replaying the audit from the start: every change started from the state the previous one left.
    const holderOf = new Map<number, string | null>();
    for (const event of events) {
      expect(holderOf.get(event.employeeId) ?? null).toBe(event.fromDialpadUserId);
      holderOf.set(event.employeeId, event.toDialpadUserId);
      expect([...holderOf.values()].filter((user) => user === dialpadUserId).length).toBeLessThanOrEqual(1);
    }
    const links = (await listEmployeeDialpadLinks(db, organizationId)).filter((link) => link.dialpadUserId === dialpadUserId);
    expect(links.map((link) => link.employeeId)).toEqual([...holderOf].filter(([, user]) => user === dialpadUserId).map(([id]) => id));
    // Every change gave the employee another Dialpad user: one queued recompute each, committed with it.
    const queued = await listQueueRows(db, organizationId);
    expect(queued.map((row) => [row.kind, row.employeeId]).sort()).toEqual(events.map((e) => ["employee", e.employeeId]).sort());
  }, 60_000);

  it("queues the recompute in the change's transaction: a failure after it leaves neither", async () => {
    const { db, organizationId, employeeIds, dialpadUserId } = await arrange();
    const link = (tx: Db) =>
      updateMapping(
        tx,
        organizationId,
        () => ({
          changes: [
            {
              employeeId: employeeIds[0]!,
              next: { dialpadUserId, method: "manual", matchedValue: null },
              event: { fromDialpadUserId: null, fromMethod: null, toDialpadUserId: dialpadUserId, toMethod: "manual", actorUserId: null, actorName: "Test", reason: "linked" },
            },
          ],
          value: undefined,
        }),
        Date.now(),
      );
    await expect(
      withTransaction(db, async (tx) => {
        await link(tx);
        expect(await listQueueRows(tx, organizationId)).toHaveLength(1);
        throw new Error("fails after the mapping change");
      }),
    ).rejects.toThrow("fails after the mapping change");
    expect(await listEmployeeDialpadLinks(db, organizationId)).toEqual([]);
    expect(await listMappingEvents(db, { organizationId })).toEqual([]);
    expect(await listQueueRows(db, organizationId)).toEqual([]);

    await link(db);
    expect((await listQueueRows(db, organizationId)).map((row) => [row.kind, row.employeeId])).toEqual([["employee", employeeIds[0]]]);
  });
});
