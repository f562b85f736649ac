import { afterEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/tests/db";
import { startSyncScheduler, stopSyncScheduler } from "./scheduler";

afterEach(() => stopSyncScheduler());

describe("startSyncScheduler", () => {
  it("starts once per process: a second start (dev reload, second register) is refused", async () => {
    const db = await createTestDb();
    expect(startSyncScheduler({ db, tickMs: 60_000, firstTickMs: 60_000 })).toBe(true);
    expect(startSyncScheduler({ db, tickMs: 60_000, firstTickMs: 60_000 })).toBe(false);
    stopSyncScheduler();
    expect(startSyncScheduler({ db, tickMs: 60_000, firstTickMs: 60_000 })).toBe(true);
  });
});
