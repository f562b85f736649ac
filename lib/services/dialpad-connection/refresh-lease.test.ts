import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getDialpadConnection, saveRefreshedTokens, updateDialpadConnection } from "@/db/queries/dialpad-connections";
import { resetEnvCache } from "@/lib/env";
import { DialpadInvalidGrantError } from "@/lib/integrations/dialpad/errors";
import type { TokenSet } from "@/lib/integrations/dialpad/oauth";
import { createTestDb } from "@/tests/db";
import { createOrganization, createUser, toViewer } from "@/tests/factories";
import { waitFor } from "@/tests/wait-for";
import { getDialpadAccessToken } from "./access-token";
import { disconnectDialpad } from "./disconnect";
import { storeConnection, testTokenKeys } from "./testing/store-connection";
import { openConnectionSecret, sealConnectionSecret } from "./token-storage";

const now = 1_800_000_000_000;
const hour = 3_600_000;
const disconnected = { code: "DIALPAD_DISCONNECTED" };

beforeAll(() => {
  // Disconnecting revokes at Dialpad first; nothing listens here, so that fails at once and is ignored.
  Object.assign(process.env, testTokenKeys, { DIALPAD_BASE_URL: "http://127.0.0.1:9", DIALPAD_CLIENT_ID: "c", DIALPAD_CLIENT_SECRET: "s" });
  resetEnvCache();
});

async function expiredConnection() {
  const db = await createTestDb();
  const organization = await createOrganization(db, { createdAt: now });
  await storeConnection(db, organization.id, { accessToken: "old-access", refreshToken: "old-refresh", connectedAt: now - hour, expiresAt: now - 1 });
  return { db, organization, organizationId: organization.id };
}

const newTokens: TokenSet = { accessToken: "new-access", refreshToken: "new-refresh", expiresAt: now + hour };

/** A token endpoint that counts its calls and lets the test act while the request is in flight. */
function tokenEndpoint(duringRequest: () => Promise<void> = async () => undefined, answer: () => TokenSet = () => newTokens) {
  const presented: string[] = [];
  const refresh = async (refreshToken: string) => {
    presented.push(refreshToken);
    await duringRequest();
    return answer();
  };
  return { presented, refresh };
}

async function storedAccessToken(db: Db, organizationId: number): Promise<string | null> {
  const cipher = (await getDialpadConnection(db, organizationId))?.accessTokenCipher;
  return cipher ? openConnectionSecret(organizationId, "access_token", cipher) : null;
}

describe("the refresh lease across processes", () => {
  it("makes a caller wait for the process holding the lease and use the token that process saved", async () => {
    const { db, organizationId } = await expiredConnection();
    await updateDialpadConnection(db, organizationId, { refreshLeaseOwner: "other-process", refreshLeaseUntil: now + 20_000 });
    const { presented, refresh } = tokenEndpoint();
    const token = getDialpadAccessToken(db, organizationId, { now: () => now, refresh });
    await waitFor(async () => (await getDialpadConnection(db, organizationId))?.refreshLeaseOwner === "other-process", { what: "the lease to be held" });
    const saved = await saveRefreshedTokens(db, { organizationId, owner: "other-process" }, {
      accessTokenCipher: sealConnectionSecret(organizationId, "access_token", "holder-access"),
      refreshTokenCipher: sealConnectionSecret(organizationId, "refresh_token", "holder-refresh"),
      accessTokenExpiresAt: now + hour,
      lastRefreshAt: now,
    });
    expect(saved).toBe(true);
    await expect(token).resolves.toBe("holder-access");
    expect(presented).toEqual([]);
  });

  it("lets another process refresh, exactly once, when the holder died and its lease lapsed", async () => {
    const { db, organizationId } = await expiredConnection();
    await updateDialpadConnection(db, organizationId, { refreshLeaseOwner: "dead-process", refreshLeaseUntil: now - 1 });
    const { presented, refresh } = tokenEndpoint();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => getDialpadAccessToken(db, organizationId, { now: () => now, refresh })));
    expect(new Set(tokens)).toEqual(new Set(["new-access"]));
    expect(presented).toEqual(["old-refresh"]);
    expect(await getDialpadConnection(db, organizationId)).toMatchObject({ status: "connected", refreshLeaseOwner: null, refreshLeaseUntil: null, lastRefreshAt: now });
  });

  it("writes nothing when the refresh completes after an admin disconnected", async () => {
    const { db, organization, organizationId } = await expiredConnection();
    const admin = toViewer(await createUser(db, organization, { role: "admin" }));
    const { presented, refresh } = tokenEndpoint(async () => {
      await disconnectDialpad(db, admin, { deleteCallData: false, now });
    });
    await expect(getDialpadAccessToken(db, organizationId, { now: () => now, refresh })).rejects.toMatchObject(disconnected);
    expect(presented).toEqual(["old-refresh"]);
    expect(await getDialpadConnection(db, organizationId)).toMatchObject({
      status: "disconnected",
      accessTokenCipher: null,
      refreshTokenCipher: null,
      accessTokenExpiresAt: null,
      lastRefreshAt: null,
    });
  });

  it("keeps a reconnect's tokens when a refresh started before it completes after it", async () => {
    const { db, organizationId } = await expiredConnection();
    const reconnect = () =>
      storeConnection(db, organizationId, { accessToken: "reconnect-access", refreshToken: "reconnect-refresh", connectedAt: now, expiresAt: now + hour });
    const { refresh } = tokenEndpoint(reconnect);
    await expect(getDialpadAccessToken(db, organizationId, { now: () => now, refresh })).resolves.toBe("reconnect-access");
    expect(await storedAccessToken(db, organizationId)).toBe("reconnect-access");
  });

  it("does not mark a reconnected connection broken when the old grant's refresh is refused after the reconnect", async () => {
    const { db, organizationId } = await expiredConnection();
    const refresh = async () => {
      await storeConnection(db, organizationId, { accessToken: "reconnect-access", refreshToken: "reconnect-refresh", connectedAt: now, expiresAt: now + hour });
      throw new DialpadInvalidGrantError();
    };
    await expect(getDialpadAccessToken(db, organizationId, { now: () => now, refresh })).resolves.toBe("reconnect-access");
    expect(await getDialpadConnection(db, organizationId)).toMatchObject({ status: "connected", lastErrorMessage: null });
  });

  it("renews its lease while the token request runs longer than the lease, so no one takes it over", async () => {
    const { db, organizationId } = await expiredConnection();
    let clock = now;
    let leaseSeenRenewed = false;
    const { presented, refresh } = tokenEndpoint(async () => {
      // Three lease lengths of app time pass while the request runs; the lease must still be ahead of it.
      clock += 3 * 300;
      await waitFor(async () => ((await getDialpadConnection(db, organizationId))?.refreshLeaseUntil ?? 0) > clock, {
        what: "the holder to renew its lease past the request's duration",
      });
      leaseSeenRenewed = true;
    });
    await expect(getDialpadAccessToken(db, organizationId, { now: () => clock, refresh, leaseMs: 300 })).resolves.toBe("new-access");
    expect([leaseSeenRenewed, presented]).toEqual([true, ["old-refresh"]]);
  });
});
