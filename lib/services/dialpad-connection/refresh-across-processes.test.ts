import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getActiveEngine } from "@/db/engine";
import { getDialpadConnection } from "@/db/queries/dialpad-connections";
import type { RunningEmulator } from "@/emulator/server";
import { createTestDb, testDatabaseUrl } from "@/tests/db";
import { createOrganization } from "@/tests/factories";
import { startSecondProcess } from "@/tests/second-process";
import { storeConnection } from "./testing/store-connection";
import { useAccessTokenAtOnce, type BurstResult } from "./testing/token-burst";
import { emulatorAdmin, emulatorStats, issueAdminTokens, startTokenEmulator } from "./testing/token-emulator";

let emulator: RunningEmulator;
beforeAll(async () => {
  // Strict mode: presenting a rotated refresh token revokes the whole token family (RFC 9700 §4.14.2).
  emulator = await startTokenEmulator({ mode: "strict" });
});
afterAll(() => emulator.close());

// The token endpoint answers only after several lease lengths: the holder keeps its lease by renewing it,
// not by its length, and the other process waits for its result instead of presenting the same refresh token.
const leaseMs = 2_000;
const tokenEndpointDelayMs = 4 * leaseMs;

describe(`token refresh shared by two processes on ${getActiveEngine()}`, () => {
  it("makes exactly one refresh for 2 processes × 50 callers at expiry, and every caller gets a token Dialpad accepts", async () => {
    const db = await createTestDb();
    const { id: organizationId } = await createOrganization(db);
    const issued = await issueAdminTokens(emulator);
    const now = Date.now();
    await storeConnection(db, organizationId, { accessToken: issued.access_token, refreshToken: issued.refresh_token, connectedAt: now - 3_600_000, expiresAt: now });
    await emulatorAdmin(emulator, "/faults", { kind: "expire_tokens" });
    await emulatorAdmin(emulator, "/faults", { kind: "hang", pathPrefix: "/oauth2/token", delayMs: tokenEndpointDelayMs });

    const args = { organizationId, callers: 50, leaseMs };
    const other = await startSecondProcess<BurstResult>(testDatabaseUrl(db), "lib/services/dialpad-connection/testing/token-burst.ts", "useAccessTokenAtOnce", args);
    const results = await Promise.all([other.run(), useAccessTokenAtOnce(db, args)]);

    const stats = await emulatorStats(emulator);
    expect([stats.requests["POST /oauth2/token"], stats.refreshes, stats.refreshReuseRevocations]).toEqual([1, 1, 0]);
    expect(results.flatMap((r) => r.statuses)).toEqual(Array.from({ length: 100 }, () => 200));
    expect(new Set(results.flatMap((r) => r.tokenFingerprints)).size).toBe(1);
    expect(await getDialpadConnection(db, organizationId)).toMatchObject({
      status: "connected",
      lastErrorMessage: null,
      refreshLeaseOwner: null,
      refreshLeaseUntil: null,
    });
  });
});
