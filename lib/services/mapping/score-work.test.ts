// A mapping change queues the recompute of its employees in its own transaction and runs it in the
// background: the change returns with it queued, a failure inside the transaction leaves neither.
import { describe, expect, it, vi } from "vitest";
import { getActiveEngine } from "@/db/engine";
import { listEmployeeDialpadLinks, listMappingEvents } from "@/db/queries/mapping";
import { insertQueueRows, listQueueRows } from "@/db/queries/score-queue";
import { drainScoreQueue } from "@/lib/services/scores/drain-score-queue";
import { scheduleScoreDrain } from "@/lib/services/scores/schedule-score-drain";
import { createEmployee } from "@/tests/factories";
import { setEmployeeMapping } from "./set-employee-mapping";
import { givenDialpadUsers, setUpMappingTest } from "./testing/setup";

// The background drain never starts here: what the change leaves behind is exactly what it queued.
vi.mock("@/lib/services/scores/schedule-score-drain", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/services/scores/schedule-score-drain")>();
  return { ...actual, scheduleScoreDrain: vi.fn() };
});
vi.mock("@/db/queries/score-queue", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/db/queries/score-queue")>();
  return { ...actual, insertQueueRows: vi.fn(actual.insertQueueRows) };
});
const realInsertQueueRows = (await vi.importActual<typeof import("@/db/queries/score-queue")>("@/db/queries/score-queue")).insertQueueRows;

/** Ann is auto-mapped to Dialpad user 100 by email; Bo is not mapped. */
async function arrange() {
  const context = await setUpMappingTest();
  const ann = await createEmployee(context.db, context.organization, { name: "Ann Lee", email: "ann@acme.test" });
  const bo = await createEmployee(context.db, context.organization, { name: "Bo Kim" });
  await givenDialpadUsers(context, [{ id: "100", name: "Front Desk", emails: ["ann@acme.test"] }]);
  await drainScoreQueue(context.db, context.organization.id);
  vi.mocked(scheduleScoreDrain).mockClear();
  expect(await listQueueRows(context.db, context.organization.id)).toEqual([]);
  const eventCount = (await listMappingEvents(context.db, { organizationId: context.organization.id })).length;
  return { context, ann, bo, eventCount };
}

describe(`score work for mapping changes on ${getActiveEngine()}`, () => {
  it("commits a manual mapping and returns with both employees' recompute queued for a background drain", async () => {
    const { context, ann, bo } = await arrange();
    const choice = { kind: "user", dialpadUserId: "100" } as const;
    await setEmployeeMapping(context.db, context.admin, { employeeId: bo.id, choice });
    expect(scheduleScoreDrain).toHaveBeenCalledWith(context.db, context.organization.id);
    const links = await listEmployeeDialpadLinks(context.db, context.organization.id);
    expect(links.map((link) => [link.employeeId, link.dialpadUserId])).toEqual([[bo.id, "100"]]);
    const queued = await listQueueRows(context.db, context.organization.id);
    expect(queued.map((row) => [row.kind, row.employeeId]).sort()).toEqual([["employee", ann.id], ["employee", bo.id]].sort());
  });

  it("leaves neither the mapping, its audit rows nor its queue rows when the transaction fails", async () => {
    const { context, ann, bo, eventCount } = await arrange();
    vi.mocked(insertQueueRows).mockImplementationOnce(async (tx, organizationId, rows) => {
      await realInsertQueueRows(tx, organizationId, rows);
      throw new Error("fails after queueing");
    });
    const choice = { kind: "user", dialpadUserId: "100" } as const;
    await expect(setEmployeeMapping(context.db, context.admin, { employeeId: bo.id, choice })).rejects.toThrow("fails after queueing");
    const links = await listEmployeeDialpadLinks(context.db, context.organization.id);
    expect(links.map((link) => [link.employeeId, link.dialpadUserId])).toEqual([[ann.id, "100"]]);
    expect(await listMappingEvents(context.db, { organizationId: context.organization.id })).toHaveLength(eventCount);
    expect(await listQueueRows(context.db, context.organization.id)).toEqual([]);
  });
});
