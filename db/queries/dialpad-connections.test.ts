import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "@/db/client";
import { getActiveEngine } from "@/db/engine";
import { createTestDb, testDatabaseUrl } from "@/tests/db";
import { createOrganization } from "@/tests/factories";
import {
  claimRefreshLease,
  getDialpadConnection,
  releaseRefreshLease,
  renewRefreshLease,
  saveRefreshedTokens,
  updateDialpadConnection,
  upsertDialpadConnection,
} from "./dialpad-connections";

const others: Db[] = [];
afterEach(async () => {
  for (const other of others.splice(0)) await closeDatabase(other);
});

async function connectedOrganization() {
  const db = await createTestDb();
  const { id: organizationId } = await createOrganization(db);
  await upsertDialpadConnection(db, {
    organizationId, status: "connected", dialpadCompanyId: "1", companyName: "Acme", companyDomain: "acme.test",
    connectedByName: "Dana", connectedAt: 1, updatedAt: 1, accessTokenCipher: "sealed-a1", refreshTokenCipher: "sealed-r1",
  });
  return { db, organizationId };
}

const newPair = { accessTokenCipher: "sealed-a2", refreshTokenCipher: "sealed-r2", accessTokenExpiresAt: 99_000, lastRefreshAt: 12_000 };

describe(`the token refresh lease on ${getActiveEngine()}`, () => {
  it("goes to exactly one of many processes racing for it, and to the next one only after it lapses or is released", async () => {
    const { db, organizationId } = await connectedOrganization();
    // Two connections (two processes' pools), ten callers each.
    const handles = [db, openDatabase(testDatabaseUrl(db))];
    others.push(handles[1]!);
    const race = async (now: number) => {
      const claims = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          claimRefreshLease(handles[i % 2]!, { organizationId, owner: `owner-${i}`, staleAccessTokenCipher: "sealed-a1", now, leaseMs: 1_000 }),
        ),
      );
      return claims.map((row) => row?.refreshTokenCipher ?? null);
    };

    const first = await race(10_000);
    expect(first.filter(Boolean)).toEqual(["sealed-r1"]);
    const winner = `owner-${first.findIndex(Boolean)}`;
    expect((await getDialpadConnection(db, organizationId))?.refreshLeaseOwner).toBe(winner);

    expect((await race(10_500)).filter(Boolean)).toHaveLength(0);
    expect((await race(11_001)).filter(Boolean)).toHaveLength(1);
    const holder = (await getDialpadConnection(db, organizationId))!.refreshLeaseOwner!;
    await releaseRefreshLease(db, { organizationId, owner: holder });
    expect((await race(11_002)).filter(Boolean)).toHaveLength(1);
  });

  it("is not taken for a token that was already replaced, even when the lease is free", async () => {
    const { db, organizationId } = await connectedOrganization();
    const lease = { organizationId, owner: "holder" };
    await claimRefreshLease(db, { ...lease, staleAccessTokenCipher: "sealed-a1", now: 10_000, leaseMs: 1_000 });
    expect(await saveRefreshedTokens(db, lease, newPair)).toBe(true);
    const late = await claimRefreshLease(db, { organizationId, owner: "late", staleAccessTokenCipher: "sealed-a1", now: 12_001, leaseMs: 1_000 });
    expect(late).toBeUndefined();
    expect(await getDialpadConnection(db, organizationId)).toMatchObject({ ...newPair, refreshLeaseOwner: null, refreshLeaseUntil: null });
  });

  it("is kept by renewing it, and a holder that lost it neither renews it nor saves tokens", async () => {
    const { db, organizationId } = await connectedOrganization();
    const lease = { organizationId, owner: "holder" };
    await claimRefreshLease(db, { ...lease, staleAccessTokenCipher: "sealed-a1", now: 10_000, leaseMs: 1_000 });
    expect(await renewRefreshLease(db, { ...lease, now: 10_900, leaseMs: 1_000 })).toBe(true);
    const early = await claimRefreshLease(db, { organizationId, owner: "other", staleAccessTokenCipher: "sealed-a1", now: 11_500, leaseMs: 1_000 });
    expect(early).toBeUndefined();
    const takeover = await claimRefreshLease(db, { organizationId, owner: "other", staleAccessTokenCipher: "sealed-a1", now: 11_901, leaseMs: 1_000 });
    expect(takeover?.refreshLeaseOwner).toBe("other");
    expect(await renewRefreshLease(db, { ...lease, now: 11_950, leaseMs: 1_000 })).toBe(false);
    expect(await saveRefreshedTokens(db, lease, newPair)).toBe(false);
    expect(await getDialpadConnection(db, organizationId)).toMatchObject({ accessTokenCipher: "sealed-a1", refreshLeaseOwner: "other" });
  });

  it("saves nothing once the connection is no longer connected, even for the lease holder", async () => {
    const { db, organizationId } = await connectedOrganization();
    const lease = { organizationId, owner: "holder" };
    await claimRefreshLease(db, { ...lease, staleAccessTokenCipher: "sealed-a1", now: 10_000, leaseMs: 1_000 });
    await updateDialpadConnection(db, organizationId, { status: "reconnect_needed" });
    expect(await saveRefreshedTokens(db, lease, newPair)).toBe(false);
    expect((await getDialpadConnection(db, organizationId))?.accessTokenCipher).toBe("sealed-a1");
  });
});
