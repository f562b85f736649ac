import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator/server";
import { createTestDb } from "@/tests/db";
import { createOrganization } from "@/tests/factories";
import { getDialpadAccessToken } from "./access-token";
import { storeConnection } from "./testing/store-connection";
import { emulatorStats, issueAdminTokens, startTokenEmulator } from "./testing/token-emulator";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTokenEmulator({ tokenTtlSeconds: 60 });
});
afterAll(() => emulator.close());

describe("refreshing short-lived access tokens", () => {
  it("refreshes a 60-second token once per 50 seconds of use, not before nearly every request", async () => {
    const db = await createTestDb();
    const { id: organizationId } = await createOrganization(db);
    const issued = await issueAdminTokens(emulator);
    expect(issued.expires_in).toBe(60);
    // App time runs on a clock the test moves: 85 requests, one every 2 s, over 168 s. The emulator checks
    // tokens against real time, in which the whole run is far shorter than a token's 60 s.
    let clock = Date.now();
    await storeConnection(db, organizationId, {
      accessToken: issued.access_token,
      refreshToken: issued.refresh_token,
      connectedAt: clock,
      expiresAt: clock + 60_000,
    });
    const statuses: number[] = [];
    for (let request = 0; request < 85; request += 1, clock += 2_000) {
      const token = await getDialpadAccessToken(db, organizationId, { now: () => clock });
      const response = await fetch(`${emulator.url}/api/v2/company`, { headers: { authorization: `Bearer ${token}` } });
      await response.body?.cancel();
      statuses.push(response.status);
    }
    expect(statuses).toEqual(Array.from({ length: 85 }, () => 200));
    // A 10 s margin (a tenth of the lifetime, at least 10 s): refreshes at 50 s, 100 s and 150 s. The fixed
    // 5-minute margin refreshed before all 85.
    expect((await emulatorStats(emulator)).refreshes).toBe(3);
  });
});
