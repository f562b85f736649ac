import { describe, expect, it } from "vitest";
import { closeDatabase, openDatabase } from "@/db/client";
import { getActiveEngine } from "@/db/engine";
import { createTestDb, testDatabaseUrl } from "@/tests/db";
import { startSecondProcess } from "@/tests/second-process";
import { countOrganizations, getOrganizationByDomain } from "./organizations";
import { listUsers } from "./users";
import { setUpFirstOrganizationRounds } from "./testing/first-organization-race";

describe(`insertFirstOrganization on ${getActiveEngine()}`, () => {
  it("lets exactly one of many concurrent first-run set-ups from several connections create an organization", async () => {
    const db = await createTestDb();
    // Writers: two handles in this process, and a third in another process (SQLite's lock across processes).
    const second = await startSecondProcess<number>(testDatabaseUrl(db), "db/queries/testing/first-organization-race.ts", "setUpFirstOrganizationRounds", {
      tag: "child",
      rounds: 5,
    });
    const other = openDatabase(testDatabaseUrl(db));
    try {
      const created = await Promise.all([
        second.run(),
        setUpFirstOrganizationRounds(db, { tag: "parent", rounds: 5 }),
        setUpFirstOrganizationRounds(other, { tag: "other", rounds: 5 }),
      ]);
      expect(created.reduce((a, b) => a + b, 0)).toBe(1);
      expect(await countOrganizations(db)).toBe(1);
    } finally {
      await closeDatabase(other);
    }
  }, 60_000);

  it("creates the organization with its admin, and nothing when one exists", async () => {
    const db = await createTestDb();
    expect(await setUpFirstOrganizationRounds(db, { tag: "first", rounds: 1 })).toBe(1);
    const organization = await getOrganizationByDomain(db, "first-0.test");
    expect((await listUsers(db, organization!.id)).map((user) => [user.email, user.role])).toEqual([["admin@first-0.test", "admin"]]);
    expect(await setUpFirstOrganizationRounds(db, { tag: "second", rounds: 1 })).toBe(0);
    expect(await getOrganizationByDomain(db, "second-0.test")).toBeUndefined();
  });
});
