import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDialpadDirectoryRefresh, listDialpadUsers } from "@/db/queries/mapping";
import { startTestEmulator, tokenFor } from "@/emulator/testing/harness";
import type { RunningEmulator } from "@/emulator/server";
import { createDialpadClient } from "@/lib/integrations/dialpad/client";
import { createTestDb } from "@/tests/db";
import { createOrganization } from "@/tests/factories";
import { refreshDialpadUsers } from "./refresh-dialpad-users";
import { createFakeDirectoryClient, fakeDialpadUser } from "./testing/fake-directory";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ domain: "acme.test", users: 230 });
});

afterAll(async () => {
  await emulator.close();
});

describe("refreshDialpadUsers", () => {
  it("stores every page of users in every state from the Dialpad API", async () => {
    const db = await createTestDb();
    const organization = await createOrganization(db, { domain: "acme.test" });
    const token = await tokenFor(emulator, "admin@acme.test");
    const client = createDialpadClient({ baseUrl: emulator.url, getAccessToken: async () => token, onUnauthorized: async () => token });

    const result = await refreshDialpadUsers(db, organization.id, client);

    expect(result).toEqual({ userCount: 230, rejectedCount: 0, removedCount: 0, changedEmployeeIds: [] });
    const stored = await listDialpadUsers(db, organization.id);
    expect(stored).toHaveLength(230);
    expect(new Set(stored.map((u) => u.state))).toEqual(new Set(["active", "suspended", "cancelled"]));
    const admin = stored.find((u) => u.emails.includes("admin@acme.test"));
    expect(admin).toMatchObject({ displayName: "Dana Admin", state: "active", isSuperAdmin: true, phoneNumbers: ["+14155551001"] });
    expect(stored.filter((u) => u.license === "lite_support_agents").every((u) => u.phoneNumbers.length === 0)).toBe(true);
  });

  it("updates users in place, marks users Dialpad no longer lists as removed, and keeps unreadable ones", async () => {
    const db = await createTestDb();
    const organization = await createOrganization(db);
    const first = createFakeDirectoryClient([
      [fakeDialpadUser({ id: "1", name: "Ann Lee", emails: ["ann@x.test"] }), fakeDialpadUser({ id: "2", name: "Bo Kim" })],
      [fakeDialpadUser({ id: "3", name: "Cy Ray" })],
    ]);
    await refreshDialpadUsers(db, organization.id, first);

    const second = createFakeDirectoryClient([
      [fakeDialpadUser({ id: "1", name: "Ann Lee", emails: ["ann@x.test"], state: "suspended" }), { id: "3", emails: "not-a-list" }],
    ]);
    const result = await refreshDialpadUsers(db, organization.id, second);

    expect(result).toEqual({ userCount: 1, rejectedCount: 1, removedCount: 1, changedEmployeeIds: [] });
    const byId = new Map((await listDialpadUsers(db, organization.id)).map((u) => [u.dialpadUserId, u]));
    expect(byId.get("1")).toMatchObject({ state: "suspended", removedAt: null });
    expect(byId.get("2")?.removedAt).toEqual(expect.any(Number));
    expect(byId.get("3")).toMatchObject({ displayName: "Cy Ray", removedAt: null });
    expect(await getDialpadDirectoryRefresh(db, organization.id)).toMatchObject({ userCount: 1, rejectedCount: 1 });
  });

  it("keeps each organization's directory separate", async () => {
    const db = await createTestDb();
    const one = await createOrganization(db);
    const two = await createOrganization(db);
    await refreshDialpadUsers(db, one.id, createFakeDirectoryClient([[fakeDialpadUser({ id: "1", name: "Ann Lee" })]]));
    await refreshDialpadUsers(db, two.id, createFakeDirectoryClient([[fakeDialpadUser({ id: "1", name: "Other Person" })]]));

    expect((await listDialpadUsers(db, one.id)).map((u) => u.displayName)).toEqual(["Ann Lee"]);
    expect((await listDialpadUsers(db, two.id)).map((u) => u.displayName)).toEqual(["Other Person"]);
  });

  it("leaves the stored directory untouched when a page fails", async () => {
    const db = await createTestDb();
    const organization = await createOrganization(db);
    await refreshDialpadUsers(db, organization.id, createFakeDirectoryClient([[fakeDialpadUser({ id: "1", name: "Ann Lee" })]]));
    const failing = createFakeDirectoryClient([[fakeDialpadUser({ id: "2" })]]);
    failing.listUsers = async function* () {
      yield { users: [fakeDialpadUser({ id: "2" })], rejected: [], cursor: "c1" };
      throw new Error("Dialpad is down");
    };

    await expect(refreshDialpadUsers(db, organization.id, failing)).rejects.toThrow("Dialpad is down");
    expect((await listDialpadUsers(db, organization.id)).map((u) => [u.dialpadUserId, u.removedAt])).toEqual([["1", null]]);
  });
});
