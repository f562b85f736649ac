import { afterEach, describe, expect, it } from "vitest";
import { getDialpadConnection, upsertDialpadConnection } from "@/db/queries/dialpad-connections";
import { resetEnvCache } from "@/lib/env";
import { createTestDb } from "@/tests/db";
import { createOrganization } from "@/tests/factories";
import { reencryptConnectionSecrets } from "./reencrypt-secrets";
import { openConnectionSecret, sealConnectionSecret } from "./token-storage";

const oldKey = "old:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
const newKey = "new:HxwdHhscGhkYFxYVFBMSERAPDg0MCwoJCAcGBQQDAgE=";

function useKeys(keys: string, active: string) {
  process.env.TOKEN_KEYS = keys;
  process.env.TOKEN_KEY_ACTIVE = active;
  resetEnvCache();
}

afterEach(() => useKeys("k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "k1"));

describe("reencryptConnectionSecrets", () => {
  it("moves every sealed token to the new active key; the old key can then be dropped", async () => {
    useKeys(oldKey, "old");
    const db = await createTestDb();
    const organization = await createOrganization(db);
    await upsertDialpadConnection(db, {
      organizationId: organization.id,
      status: "connected",
      dialpadCompanyId: "1",
      companyName: "Acme",
      companyDomain: organization.domain,
      connectedByName: "Ada",
      connectedAt: 1,
      accessTokenCipher: sealConnectionSecret(organization.id, "access_token", "access-123"),
      refreshTokenCipher: sealConnectionSecret(organization.id, "refresh_token", "refresh-456"),
      updatedAt: 1,
    });

    useKeys(`${newKey},${oldKey}`, "new");
    expect(await reencryptConnectionSecrets(db)).toEqual({ resealed: 2, remainingOnOldKeys: 0 });
    expect(await reencryptConnectionSecrets(db)).toEqual({ resealed: 0, remainingOnOldKeys: 0 });

    useKeys(newKey, "new");
    const connection = (await getDialpadConnection(db, organization.id))!;
    expect(connection.accessTokenCipher).toMatch(/^v1\.new\./);
    expect(openConnectionSecret(organization.id, "access_token", connection.accessTokenCipher!)).toBe("access-123");
    expect(openConnectionSecret(organization.id, "refresh_token", connection.refreshTokenCipher!)).toBe("refresh-456");
  });
});
