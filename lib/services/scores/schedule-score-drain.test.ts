import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { afterCallsChanged } from "@/lib/services/sync/after-calls-changed";
import { createEmployee, createOrganization } from "@/tests/factories";
import { createTestDb } from "@/tests/db";
import { drainScoreQueue } from "./drain-score-queue";
import { MIN, linkEmployee, readDays, storeLegs, utc } from "./testing";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: utc("2026-03-10T20:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

async function setUp() {
  const db = createTestDb();
  const organization = await createOrganization(db);
  const employee = await createEmployee(db, organization);
  linkEmployee(db, employee, "u");
  let n = 0;
  const storeCall = () => {
    const at = utc("2026-03-10T15:00:00Z") + n * 10 * MIN;
    storeLegs(db, organization.id, [{ dialpadCallId: String(++n), dialpadUserId: "u", startedAt: at, connectedAt: at, endedAt: at + 5 * MIN }]);
  };
  return { db, organization, employee, storeCall };
}

describe("afterCallsChanged", () => {
  it("scores after a second without further changes, not on every page", async () => {
    const { db, organization, employee, storeCall } = await setUp();
    storeCall();
    await afterCallsChanged(db, organization.id);
    await vi.advanceTimersByTimeAsync(900);
    storeCall();
    await afterCallsChanged(db, organization.id);
    await vi.advanceTimersByTimeAsync(900);
    expect(readDays(db, employee.id)).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    await drainScoreQueue(db, organization.id);
    expect(readDays(db, employee.id).map((d) => d.talkMs / MIN)).toEqual([10]);
  });

  it("scores at most 15 seconds after the first change while pages keep coming", async () => {
    const { db, organization, employee, storeCall } = await setUp();
    for (let elapsed = 0; elapsed < 14_500; elapsed += 500) {
      storeCall();
      await afterCallsChanged(db, organization.id);
      await vi.advanceTimersByTimeAsync(500);
      expect(readDays(db, employee.id)).toEqual([]);
    }
    await vi.advanceTimersByTimeAsync(499);
    expect(readDays(db, employee.id)).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(readDays(db, employee.id).map((d) => d.connectedCalls)).toEqual([29]);
  });
});
