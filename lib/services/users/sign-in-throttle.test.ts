import { beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "@/db/client";
import { getActiveEngine } from "@/db/engine";
import { getSignInAttempt } from "@/db/queries/sign-in-attempts";
import type { User } from "@/db/schema";
import { createOrganization, createUser, factoryPassword } from "@/tests/factories";
import { createTestDb, testDatabaseUrl } from "@/tests/db";
import { startSecondProcess } from "@/tests/second-process";
import { failSignInRounds } from "./testing/sign-in-race";
import { verifyCredentials } from "./verify-credentials";

const minute = 60 * 1000;
const start = Date.UTC(2026, 2, 9, 9, 0, 0);
const locked = { code: "RATE_LIMITED", message: "Too many failed sign-ins for this email. Try again in 15 minutes." };

let db: Db;
let user: User;

beforeEach(async () => {
  db = await createTestDb();
  user = await createUser(db, await createOrganization(db), { role: "employee" });
});

async function failTimes(email: string, times: number, at: number) {
  for (let i = 0; i < times; i += 1) expect(await verifyCredentials(db, email, "wrong-password", at + i)).toBeNull();
}

describe("sign-in throttling", () => {
  it("refuses the sixth attempt after five failures within 15 minutes, even with the right password", async () => {
    await failTimes(user.email, 4, start);
    expect(await verifyCredentials(db, user.email, "wrong-password", start + 14 * minute)).toBeNull();
    await expect(verifyCredentials(db, user.email, factoryPassword, start + 14 * minute + 1)).rejects.toMatchObject(locked);
    await expect(verifyCredentials(db, ` ${user.email.toUpperCase()} `, factoryPassword, start + 20 * minute)).rejects.toMatchObject(locked);
  });

  it("allows sign-in again 15 minutes after the lock began, with a fresh count", async () => {
    await failTimes(user.email, 5, start);
    const lockStart = start + 4;
    await expect(verifyCredentials(db, user.email, factoryPassword, lockStart + 15 * minute - 1)).rejects.toMatchObject(locked);
    await failTimes(user.email, 4, lockStart + 15 * minute);
    expect((await verifyCredentials(db, user.email, factoryPassword, lockStart + 16 * minute))?.id).toBe(user.id);
  });

  it("does not lock when the five failures are spread over more than 15 minutes", async () => {
    await failTimes(user.email, 4, start);
    await failTimes(user.email, 1, start + 15 * minute);
    expect(await getSignInAttempt(db, user.email)).toMatchObject({ failureCount: 1, lockedUntil: null });
    expect((await verifyCredentials(db, user.email, factoryPassword, start + 16 * minute))?.id).toBe(user.id);
  });

  it("clears the count on a successful sign-in", async () => {
    await failTimes(user.email, 4, start);
    expect((await verifyCredentials(db, user.email, factoryPassword, start + minute))?.id).toBe(user.id);
    expect(await getSignInAttempt(db, user.email)).toBeUndefined();
    await failTimes(user.email, 4, start + 2 * minute);
    expect((await verifyCredentials(db, user.email, factoryPassword, start + 3 * minute))?.id).toBe(user.id);
  });

  it("locks an email nobody has in exactly the same way, so a lockout reveals nothing", async () => {
    await failTimes("nobody@example.test", 5, start);
    await expect(verifyCredentials(db, "nobody@example.test", "any-password", start + minute)).rejects.toMatchObject(locked);
    expect((await verifyCredentials(db, user.email, factoryPassword, start + minute))?.id).toBe(user.id);
  });

  it("prunes rows whose window and lock are over when another failure is recorded", async () => {
    await failTimes("old@example.test", 5, start);
    await failTimes(user.email, 1, start + 31 * minute);
    expect(await getSignInAttempt(db, "old@example.test")).toBeUndefined();
    expect(await getSignInAttempt(db, user.email)).toMatchObject({ failureCount: 1, windowStartedAt: start + 31 * minute });
  });
});

describe(`concurrent failed sign-ins on ${getActiveEngine()}`, () => {
  it("counts every one of N failures for one email recorded at once from several connections", async () => {
    const args = { email: "raced@example.test", rounds: 10, now: start };
    // Writers: two handles in this process, and a third in another process (SQLite's lock across processes).
    const second = await startSecondProcess<number>(testDatabaseUrl(db), "lib/services/users/testing/sign-in-race.ts", "failSignInRounds", args);
    const other = openDatabase(testDatabaseUrl(db));
    try {
      await Promise.all([second.run(), failSignInRounds(db, args), failSignInRounds(other, args)]);
      expect(await getSignInAttempt(db, args.email)).toMatchObject({ failureCount: 30, windowStartedAt: start });
    } finally {
      await closeDatabase(other);
    }
  }, 60_000);
});
