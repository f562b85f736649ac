import { beforeAll, describe, expect, it } from "vitest";
import { getDialpadConnection, upsertDialpadConnection } from "@/db/queries/dialpad-connections";
import { DialpadInvalidGrantError, DialpadTransientError } from "@/lib/integrations/dialpad/errors";
import type { TokenSet } from "@/lib/integrations/dialpad/oauth";
import { resetEnvCache } from "@/lib/env";
import { createTestDb } from "@/tests/db";
import { createOrganization } from "@/tests/factories";
import { getDialpadAccessToken, refreshDialpadAccessToken } from "./access-token";
import { sealConnectionSecret } from "./token-storage";

const now = 1_800_000_000_000;

beforeAll(() => {
  process.env.TOKEN_KEYS = "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
  process.env.TOKEN_KEY_ACTIVE = "k1";
  resetEnvCache();
});

/** A connection holding an hour-long token (5-minute refresh margin) that expires at `expiresAt`. */
async function connectedOrg(expiresAt: number) {
  const db = await createTestDb();
  const org = await createOrganization(db, { name: "Acme", timezone: "UTC", createdAt: now });
  await upsertDialpadConnection(db, {
    organizationId: org.id,
    status: "connected",
    dialpadCompanyId: "1",
    companyName: "Acme",
    companyDomain: "acme.test",
    connectedByName: "Dana",
    connectedAt: expiresAt - 3_600_000,
    accessTokenCipher: sealConnectionSecret(org.id, "access_token", "old-access"),
    refreshTokenCipher: sealConnectionSecret(org.id, "refresh_token", "old-refresh"),
    accessTokenExpiresAt: expiresAt,
    updatedAt: now,
  });
  return { db, organizationId: org.id };
}

function countingRefresh(result: () => Promise<TokenSet>) {
  const calls: string[] = [];
  const refresh = async (refreshToken: string) => {
    calls.push(refreshToken);
    await new Promise((resolve) => setTimeout(resolve, 20));
    return result();
  };
  return { calls, refresh };
}

describe("getDialpadAccessToken", () => {
  it("returns the stored token without refreshing while it is fresh", async () => {
    const { db, organizationId } = await connectedOrg(now + 60 * 60_000);
    const { calls, refresh } = countingRefresh(async () => ({ accessToken: "x", refreshToken: "y", expiresAt: 0 }));
    await expect(getDialpadAccessToken(db, organizationId, { now: () => now, refresh })).resolves.toBe("old-access");
    expect(calls).toEqual([]);
  });

  it("makes exactly one token call for twenty concurrent callers and stores the rotated pair", async () => {
    const { db, organizationId } = await connectedOrg(now + 60_000);
    const { calls, refresh } = countingRefresh(async () => ({
      accessToken: "new-access",
      refreshToken: "new-refresh",
      expiresAt: now + 3_600_000,
    }));
    const tokens = await Promise.all(
      Array.from({ length: 20 }, () => getDialpadAccessToken(db, organizationId, { now: () => now, refresh })),
    );
    expect(new Set(tokens)).toEqual(new Set(["new-access"]));
    expect(calls).toEqual(["old-refresh"]);
    const stored = await getDialpadConnection(db, organizationId);
    expect(stored?.accessTokenExpiresAt).toBe(now + 3_600_000);
    expect(stored?.refreshTokenCipher).not.toContain("new-refresh");
    expect(stored?.refreshLeaseUntil).toBeNull();
  });

  it("after a 401, does not refresh again when another caller already replaced the rejected token", async () => {
    const { db, organizationId } = await connectedOrg(now + 60 * 60_000);
    const { calls, refresh } = countingRefresh(async () => ({ accessToken: "a2", refreshToken: "r2", expiresAt: now + 3_600_000 }));
    await expect(refreshDialpadAccessToken(db, organizationId, "old-access", { now: () => now, refresh })).resolves.toBe("a2");
    await expect(refreshDialpadAccessToken(db, organizationId, "old-access", { now: () => now, refresh })).resolves.toBe("a2");
    expect(calls).toEqual(["old-refresh"]);
  });

  it("marks the connection reconnect-needed on invalid_grant and stops refreshing", async () => {
    const { db, organizationId } = await connectedOrg(now - 1);
    const { calls, refresh } = countingRefresh(async () => {
      throw new DialpadInvalidGrantError();
    });
    await expect(getDialpadAccessToken(db, organizationId, { now: () => now, refresh })).rejects.toMatchObject({
      code: "DIALPAD_DISCONNECTED",
    });
    await expect(getDialpadAccessToken(db, organizationId, { now: () => now, refresh })).rejects.toMatchObject({
      code: "DIALPAD_DISCONNECTED",
    });
    expect(calls).toHaveLength(1);
    expect((await getDialpadConnection(db, organizationId))?.status).toBe("reconnect_needed");
  });

  it("keeps the connection connected after a transient failure and succeeds on the next try", async () => {
    const { db, organizationId } = await connectedOrg(now - 1);
    let attempt = 0;
    const refresh = async () => {
      attempt += 1;
      if (attempt === 1) throw new DialpadTransientError("token endpoint 503", 503);
      return { accessToken: "after-retry", refreshToken: "r3", expiresAt: now + 3_600_000 };
    };
    await expect(getDialpadAccessToken(db, organizationId, { now: () => now, refresh })).rejects.toBeInstanceOf(
      DialpadTransientError,
    );
    expect((await getDialpadConnection(db, organizationId))?.status).toBe("connected");
    await expect(getDialpadAccessToken(db, organizationId, { now: () => now, refresh })).resolves.toBe("after-retry");
  });
});
