import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "@/db/client";
import { getActiveEngine } from "@/db/engine";
import { createTestDb, testDatabaseUrl } from "@/tests/db";
import { createOrganization } from "@/tests/factories";
import { getDialpadConnection, releaseRefreshLease, tryAcquireRefreshLease, upsertDialpadConnection } from "./dialpad-connections";

const others: Db[] = [];
afterEach(async () => {
  for (const other of others.splice(0)) await closeDatabase(other);
});

describe(`the token refresh lease on ${getActiveEngine()}`, () => {
  it("goes to exactly one of many processes racing for it, and to the next one only after it lapses or is released", async () => {
    const db = await createTestDb();
    const { id: organizationId } = await createOrganization(db);
    await upsertDialpadConnection(db, {
      organizationId, status: "connected", dialpadCompanyId: "1", companyName: "Acme", companyDomain: "acme.test",
      connectedByName: "Dana", connectedAt: 1, updatedAt: 1,
    });
    // Two connections (two processes' pools), ten callers each.
    const handles = [db, openDatabase(testDatabaseUrl(db))];
    others.push(handles[1]!);
    const race = (now: number) =>
      Promise.all(Array.from({ length: 20 }, (_, i) => tryAcquireRefreshLease(handles[i % 2]!, organizationId, `owner-${i}`, now, 1_000)));

    const first = await race(10_000);
    expect(first.filter(Boolean)).toHaveLength(1);
    const winner = `owner-${first.indexOf(true)}`;
    expect((await getDialpadConnection(db, organizationId))?.refreshLeaseOwner).toBe(winner);

    expect((await race(10_500)).filter(Boolean)).toHaveLength(0);
    expect((await race(11_001)).filter(Boolean)).toHaveLength(1);
    const holder = (await getDialpadConnection(db, organizationId))!.refreshLeaseOwner!;
    await releaseRefreshLease(db, organizationId, holder);
    expect((await race(11_002)).filter(Boolean)).toHaveLength(1);
  });
});
