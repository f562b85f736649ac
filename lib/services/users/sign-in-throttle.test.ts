import { beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "@/db/client";
import { getActiveEngine } from "@/db/engine";
import { getSignInThrottle } from "@/db/queries/sign-in-throttles";
import type { User } from "@/db/schema";
import { createOrganization, createUser, factoryPassword } from "@/tests/factories";
import { createTestDb, testDatabaseUrl } from "@/tests/db";
import { startSecondProcess } from "@/tests/second-process";
import { trySignInBurst, type BurstOutcome } from "./testing/sign-in-race";
import { verifyCredentials } from "./verify-credentials";

const second = 1000;
const minute = 60 * second;
const start = Date.UTC(2026, 2, 9, 9, 0, 0);
const locked = { code: "RATE_LIMITED", message: "Too many failed sign-ins. Wait a few minutes and try again." };
const stranger = "203.0.113.66";
const home = "198.51.100.7";

let db: Db;
let user: User;

beforeEach(async () => {
  db = await createTestDb();
  user = await createUser(db, await createOrganization(db), { role: "employee" });
});

function signIn(email: string, password: string, address: string, now: number) {
  return verifyCredentials(db, email, password, { address, now });
}

async function failTimes(email: string, address: string, times: number, at: number) {
  for (let i = 0; i < times; i += 1) expect(await signIn(email, `wrong-password-${i}`, address, at)).toBeNull();
}

describe("sign-in throttling per email and address", () => {
  it("after five failures from one address refuses that address for 30 s, even with the right password", async () => {
    await failTimes(user.email, stranger, 5, start);
    await expect(signIn(user.email, factoryPassword, stranger, start + 30 * second - 1)).rejects.toMatchObject(locked);
    await expect(signIn(` ${user.email.toUpperCase()} `, factoryPassword, stranger, start + 10 * second)).rejects.toMatchObject(locked);
    expect((await signIn(user.email, factoryPassword, stranger, start + 30 * second))?.id).toBe(user.id);
  });

  it("doubles the delay with each further failure: 30 s, 60 s, 120 s", async () => {
    await failTimes(user.email, stranger, 5, start);
    await failTimes(user.email, stranger, 1, start + 30 * second);
    await expect(signIn(user.email, "wrong", stranger, start + 90 * second - 1)).rejects.toMatchObject(locked);
    await failTimes(user.email, stranger, 1, start + 90 * second);
    await expect(signIn(user.email, "wrong", stranger, start + 210 * second - 1)).rejects.toMatchObject(locked);
    expect((await signIn(user.email, factoryPassword, stranger, start + 210 * second))?.id).toBe(user.id);
  });

  it("does not let a stranger's failures lock the user out at the user's own address", async () => {
    expect((await signIn(user.email, factoryPassword, home, start))?.id).toBe(user.id);
    // Ten failures from ten addresses: the email is delayed for new addresses, never for a known one.
    for (let i = 0; i < 10; i += 1) await failTimes(user.email, `203.0.113.${i}`, 1, start + minute);
    await expect(signIn(user.email, factoryPassword, "203.0.113.200", start + minute)).rejects.toMatchObject(locked);
    expect((await signIn(user.email, factoryPassword, home, start + minute))?.id).toBe(user.id);
  });

  it("limits one address guessing many emails, without refusing those emails elsewhere", async () => {
    for (let i = 0; i < 20; i += 1) await failTimes(`nobody-${i}@example.test`, stranger, 1, start);
    await expect(signIn(user.email, factoryPassword, stranger, start)).rejects.toMatchObject(locked);
    expect((await signIn(user.email, factoryPassword, home, start))?.id).toBe(user.id);
  });

  it("clears the pair's count on a successful sign-in and remembers the address", async () => {
    await failTimes(user.email, home, 4, start);
    expect((await signIn(user.email, factoryPassword, home, start + minute))?.id).toBe(user.id);
    expect(await getSignInThrottle(db, `pair:${user.email} ${home}`)).toMatchObject({ failureCount: 0, blockedUntil: null, lastSuccessAt: start + minute });
    await failTimes(user.email, home, 4, start + 2 * minute);
    expect((await signIn(user.email, factoryPassword, home, start + 3 * minute))?.id).toBe(user.id);
  });

  it("treats an email nobody has in exactly the same way, so a delay reveals nothing", async () => {
    await failTimes("nobody@example.test", stranger, 5, start);
    await expect(signIn("nobody@example.test", "any-password", stranger, start + minute - 31 * second)).rejects.toMatchObject(locked);
    expect((await signIn(user.email, factoryPassword, stranger, start))?.id).toBe(user.id);
  });

  it("forgets failures after 24 hours without one, and prunes rows that old", async () => {
    await failTimes("old@example.test", stranger, 5, start);
    await failTimes(user.email, home, 1, start + 24 * 60 * minute + 1);
    expect(await getSignInThrottle(db, `pair:old@example.test ${stranger}`)).toBeUndefined();
    expect(await getSignInThrottle(db, `address:${stranger}`)).toBeUndefined();
    expect(await getSignInThrottle(db, `pair:${user.email} ${home}`)).toMatchObject({ failureCount: 1 });
  });
});

describe(`a parallel burst of sign-ins on ${getActiveEngine()}`, () => {
  it("checks exactly five of 30 guesses from three connections, and then refuses the right password", async () => {
    const args = { email: user.email, password: "wrong-password", address: stranger, rounds: 10, now: start };
    // Two handles in this process, and a third in another process (SQLite's lock across processes).
    const otherProcess = await startSecondProcess<BurstOutcome>(testDatabaseUrl(db), "lib/services/users/testing/sign-in-race.ts", "trySignInBurst", args);
    const other = openDatabase(testDatabaseUrl(db));
    try {
      const outcomes = await Promise.all([otherProcess.run(), trySignInBurst(db, args), trySignInBurst(other, args)]);
      const total = outcomes.reduce((sum, o) => ({ checked: sum.checked + o.checked, refused: sum.refused + o.refused, signedIn: sum.signedIn + o.signedIn }));
      expect(total).toEqual({ checked: 5, refused: 25, signedIn: 0 });
      await expect(signIn(user.email, factoryPassword, stranger, start)).rejects.toMatchObject(locked);
      expect(await getSignInThrottle(db, `pair:${user.email} ${stranger}`)).toMatchObject({ failureCount: 5, blockedUntil: start + 30 * second });
    } finally {
      await closeDatabase(other);
    }
  }, 60_000);

  it("gives a burst holding the right password exactly five checks, wherever the right one fell", async () => {
    const wrong = trySignInBurst(db, { email: user.email, password: "wrong-password", address: stranger, rounds: 9, now: start });
    const right = trySignInBurst(db, { email: user.email, password: factoryPassword, address: stranger, rounds: 1, now: start });
    const [w, r] = await Promise.all([wrong, right]);
    expect(w.checked + r.checked + r.signedIn).toBe(5);
    expect(w.refused + r.refused).toBe(5);
  });
});
