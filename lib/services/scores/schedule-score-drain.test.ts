import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { afterCallsChanged } from "@/lib/services/sync/after-calls-changed";
import { createEmployee, createOrganization } from "@/tests/factories";
import { createTestDb } from "@/tests/db";
import { waitFor } from "@/tests/wait-for";
import { drainScoreQueue } from "./drain-score-queue";
import { MIN, linkEmployee, readDays, storeLegs, utc } from "./testing";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: utc("2026-03-10T20:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

async function setUp() {
  const db = await createTestDb();
  const organization = await createOrganization(db);
  const employee = await createEmployee(db, organization);
  await linkEmployee(db, employee, "u");
  let n = 0;
  const storeCall = async () => {
    const at = utc("2026-03-10T15:00:00Z") + n * 10 * MIN;
    await storeLegs(db, organization.id, [{ dialpadCallId: String(++n), dialpadUserId: "u", startedAt: at, connectedAt: at, endedAt: at + 5 * MIN }]);
  };
  return { db, organization, employee, storeCall };
}

// The in-process coalescing of SQLite's single host; on PostgreSQL a drain is a queued job
// (lib/services/sync/background-jobs.test.ts), due a quiet second later in real time.
describe.skipIf(process.env.DATABASE_URL?.startsWith("postgres"))("afterCallsChanged", () => {
  it("scores after a second without further changes, not on every page", async () => {
    const { db, organization, employee, storeCall } = await setUp();
    await storeCall();
    await afterCallsChanged(db, organization.id);
    await vi.advanceTimersByTimeAsync(900);
    await storeCall();
    await afterCallsChanged(db, organization.id);
    await vi.advanceTimersByTimeAsync(900);
    expect(await readDays(db, employee)).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    await drainScoreQueue(db, organization.id);
    expect((await readDays(db, employee)).map((d) => d.talkMs / MIN)).toEqual([10]);
  });

  it("scores at most 15 seconds after the first change while pages keep coming", async () => {
    const { db, organization, employee, storeCall } = await setUp();
    for (let elapsed = 0; elapsed < 14_500; elapsed += 500) {
      await storeCall();
      await afterCallsChanged(db, organization.id);
      await vi.advanceTimersByTimeAsync(500);
      expect(await readDays(db, employee)).toEqual([]);
    }
    await vi.advanceTimersByTimeAsync(499);
    expect(await readDays(db, employee)).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    // The drain that timer started runs on real I/O: wait for its scores, then for its end.
    vi.useRealTimers();
    const days = await waitFor(async () => {
      const rows = await readDays(db, employee);
      return rows.length > 0 ? rows : undefined;
    }, { what: "the scheduled drain's scores" });
    expect(days!.map((d) => d.connectedCalls)).toEqual([29]);
    await drainScoreQueue(db, organization.id);
  });
});
