import { beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "@/db/queries/audit";
import { getDialpadConnection, upsertDialpadConnection } from "@/db/queries/dialpad-connections";
import { getActiveEngine } from "@/db/engine";
import { resetEnvCache } from "@/lib/env";
import { DialpadInvalidGrantError, DialpadTransientError } from "@/lib/integrations/dialpad/errors";
import { createTestDb } from "@/tests/db";
import { createOrganization } from "@/tests/factories";
import { getDialpadAccessToken } from "./access-token";
import { sealConnectionSecret } from "./token-storage";

const now = 1_800_000_000_000;

beforeAll(() => {
  process.env.TOKEN_KEYS = "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
  process.env.TOKEN_KEY_ACTIVE = "k1";
  resetEnvCache();
});

/** A connection whose access token has expired, so the next use refreshes it. */
async function expiredConnection() {
  const db = await createTestDb();
  const org = await createOrganization(db, { createdAt: now });
  await upsertDialpadConnection(db, {
    organizationId: org.id,
    status: "connected",
    dialpadCompanyId: "1",
    companyName: "Acme",
    companyDomain: "acme.test",
    connectedByName: "Dana",
    connectedAt: now - 3_600_000,
    accessTokenCipher: sealConnectionSecret(org.id, "access_token", "old-access"),
    refreshTokenCipher: sealConnectionSecret(org.id, "refresh_token", "old-refresh"),
    accessTokenExpiresAt: now - 1,
    updatedAt: now - 3_600_000,
  });
  return { db, organizationId: org.id };
}

async function auditRows(db: Awaited<ReturnType<typeof expiredConnection>>["db"], organizationId: number) {
  const { events } = await listAuditEvents(db, { organizationId, filters: {}, limit: 10, offset: 0 });
  return events.map((e) => [e.actorUserId, e.actorName, e.action, e.targetType, e.summary, JSON.parse(e.details ?? "null"), e.createdAt]);
}

describe(`the automatic reconnect-needed transition on ${getActiveEngine()}`, () => {
  it("is written to the audit log once, as automatic, with Dialpad's reason", async () => {
    const { db, organizationId } = await expiredConnection();
    const refresh = async () => {
      throw new DialpadInvalidGrantError();
    };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await expect(getDialpadAccessToken(db, organizationId, { now: () => now, refresh })).rejects.toMatchObject({ code: "DIALPAD_DISCONNECTED" });
    }
    expect((await getDialpadConnection(db, organizationId))?.status).toBe("reconnect_needed");
    expect(await auditRows(db, organizationId)).toEqual([
      [
        null,
        "Automatic",
        "dialpad.reconnect_needed",
        "dialpad_connection",
        "Dialpad stopped accepting Daymark's authorization; an admin needs to reconnect it",
        { reason: "Dialpad no longer accepts Daymark's authorization (invalid_grant). Reconnect Dialpad; all synced data is kept." },
        now,
      ],
    ]);
  });

  it("is not logged when a refresh fails for a passing reason", async () => {
    const { db, organizationId } = await expiredConnection();
    const refresh = async () => {
      throw new DialpadTransientError("Dialpad answered 503", 503);
    };
    await expect(getDialpadAccessToken(db, organizationId, { now: () => now, refresh })).rejects.toThrow();
    expect((await getDialpadConnection(db, organizationId))?.status).toBe("connected");
    expect(await auditRows(db, organizationId)).toEqual([]);
  });
});
