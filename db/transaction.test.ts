import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/tests/db";
import type { Db } from "./client";
import { getActiveEngine } from "./engine";
import { organizations } from "./schema";
import { isInTransaction, withTransaction } from "./transaction";

let db: Db;
beforeEach(async () => {
  db = await createTestDb();
});

const organization = (domain: string) => ({ name: domain, domain, timezone: "UTC", createdAt: 1 });
const countOrganizations = async (handle: Db) => (await handle.select({ n: count() }).from(organizations))[0]!.n;

describe(`withTransaction on ${getActiveEngine()}`, () => {
  it("commits every write of the callback together", async () => {
    const ids = await withTransaction(db, async (tx) => {
      const [a] = await tx.insert(organizations).values(organization("a.test")).returning();
      const [b] = await tx.insert(organizations).values(organization("b.test")).returning();
      return [a!.id, b!.id];
    });
    expect(ids).toHaveLength(2);
    expect(await countOrganizations(db)).toBe(2);
  });

  it("rolls back what was written before an await when the callback fails after it", async () => {
    await expect(
      withTransaction(db, async (tx) => {
        await tx.insert(organizations).values(organization("first.test"));
        await new Promise((resolve) => setTimeout(resolve, 5));
        await tx.insert(organizations).values(organization("second.test"));
        throw new Error("boom after two writes");
      }),
    ).rejects.toThrow("boom after two writes");
    expect(await countOrganizations(db)).toBe(0);
  });

  it("rolls back a constraint failure with the writes before it", async () => {
    await expect(
      withTransaction(db, async (tx) => {
        await tx.insert(organizations).values(organization("dup.test"));
        await tx.insert(organizations).values(organization("other.test"));
        await tx.insert(organizations).values(organization("dup.test"));
      }),
    ).rejects.toThrow();
    expect(await countOrganizations(db)).toBe(0);
  });

  it("joins a nested call to the outer transaction", async () => {
    await expect(
      withTransaction(db, async (tx) => {
        await withTransaction(tx, async (inner) => {
          expect(isInTransaction(inner)).toBe(true);
          await inner.insert(organizations).values(organization("inner.test"));
        });
        throw new Error("outer fails");
      }),
    ).rejects.toThrow("outer fails");
    expect(await countOrganizations(db)).toBe(0);
  });

  it("runs concurrent transactions one after another without mixing their writes", async () => {
    const results = await Promise.allSettled(
      ["ok-1", "fail", "ok-2"].map((label) =>
        withTransaction(db, async (tx) => {
          await tx.insert(organizations).values(organization(`${label}.test`));
          await new Promise((resolve) => setTimeout(resolve, 5));
          if (label === "fail") throw new Error("fails");
          await tx.update(organizations).set({ name: `${label} done` }).where(eq(organizations.domain, `${label}.test`));
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const names = (await db.select({ name: organizations.name }).from(organizations)).map((r) => r.name).sort();
    expect(names).toEqual(["ok-1 done", "ok-2 done"]);
  });
});
