import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "@/db/queries/audit";
import { getDialpadConnection } from "@/db/queries/dialpad-connections";
import { readStoredText } from "@/db/queries/stored-text";
import { getLatestSyncRun, getSyncSettings } from "@/db/queries/sync";
import type { Organization } from "@/db/schema";
import { hiddenField, postForm, startTestEmulator } from "@/emulator/testing/harness";
import type { RunningEmulator } from "@/emulator/server";
import { resetEnvCache } from "@/lib/env";
import { createTestDb } from "@/tests/db";
import { createOrganization, createUser, toViewer } from "@/tests/factories";
import type { Viewer } from "@/lib/services/access/viewer";
import { completeDialpadAuthorization } from "./complete-authorization";
import { startDialpadAuthorization } from "./start-authorization";
import { openConnectionSecret } from "./token-storage";

const appUrl = "http://127.0.0.1:3999";
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({
    domain: "acme.test",
    extraCompanies: [{ domain: "other.test", users: 3 }],
    redirectUris: [`${appUrl}/api/integrations/dialpad/callback`],
  });
  Object.assign(process.env, {
    APP_URL: appUrl,
    DIALPAD_BASE_URL: emulator.url,
    DIALPAD_CLIENT_ID: "daymark-dev",
    DIALPAD_CLIENT_SECRET: "daymark-dev-secret",
    TOKEN_KEYS: "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
    TOKEN_KEY_ACTIVE: "k1",
  });
  resetEnvCache();
});

afterAll(async () => {
  await emulator.close();
});

/** Signs in on the emulator's pages and answers consent; returns the callback URL Dialpad redirects to. */
async function consent(authorizeUrl: string, email: string, decision: "allow" | "deny"): Promise<URL> {
  const page = await fetch(authorizeUrl);
  const signIn = await postForm(emulator, "/oauth2/authorize/sign-in", {
    request_id: hiddenField(await page.text(), "request_id"),
    email,
    password: "dialpad",
  });
  const answer = await postForm(emulator, "/oauth2/authorize/consent", {
    request_id: hiddenField(await signIn.text(), "request_id"),
    decision,
  });
  return new URL(answer.headers.get("location")!);
}

async function setUp(domain = "acme.test") {
  const db = await createTestDb();
  const organization: Organization = await createOrganization(db, { domain });
  const admin: Viewer = toViewer(await createUser(db, organization, { role: "admin", name: "Ada Admin" }));
  return { db, organization, admin };
}

describe("completeDialpadAuthorization against the emulator", () => {
  it("connects with PKCE, stores only sealed tokens, and counts licensed users", async () => {
    const { db, organization, admin } = await setUp();
    const url = await startDialpadAuthorization(db, admin, { isPopup: true });
    expect(new URL(url).searchParams.get("code_challenge_method")).toBe("S256");
    const callback = await consent(url, "admin@acme.test", "allow");

    const { outcome, isPopup } = await completeDialpadAuthorization(db, admin, callback);
    expect(isPopup).toBe(true);
    // 10 of the 12 have a phone license; one of those is suspended and one cancelled, so 8 can be mapped.
    expect(outcome).toMatchObject({ status: "connected", companyName: "Acme Inc", companyDomain: "acme.test", licensedUserCount: 8, totalUserCount: 12 });

    const connection = (await getDialpadConnection(db, organization.id))!;
    expect(connection.connectedByName).toBe("Ada Admin");
    const { events } = await listAuditEvents(db, { organizationId: organization.id, filters: {}, limit: 10, offset: 0 });
    expect(events.map((e) => [e.actorUserId, e.actorName, e.action, e.targetType, e.summary])).toEqual([
      [admin.userId, "Ada Admin", "dialpad.connected", "dialpad_connection", "Connected Dialpad (Acme Inc)"],
    ]);
    const accessToken = openConnectionSecret(organization.id, "access_token", connection.accessTokenCipher!);
    const refreshToken = openConnectionSecret(organization.id, "refresh_token", connection.refreshTokenCipher!);
    // SQLite: the file's bytes; PostgreSQL: every text value of every table.
    const stored = await readStoredText(db);
    expect(stored).toContain(connection.accessTokenCipher!);
    expect(stored).not.toContain(accessToken);
    expect(stored).not.toContain(refreshToken);
  });

  it("saves the backfill length chosen on the connect form before the first backfill, which reads that far back", async () => {
    const { db, organization, admin } = await setUp();
    const callback = await consent(await startDialpadAuthorization(db, admin, { isPopup: false, backfillDays: 90 }), "admin@acme.test", "allow");
    expect((await completeDialpadAuthorization(db, admin, callback)).outcome.status).toBe("connected");

    expect((await getSyncSettings(db, organization.id)).backfillDays).toBe(90);
    const backfill = (await getLatestSyncRun(db, organization.id, ["backfill"]))!;
    expect([backfill.trigger, (backfill.rangeEnd - backfill.rangeStart) / 86_400_000, backfill.windowsTotal]).toEqual(["connect", 90, 90]);
  });

  it("rejects a replayed callback: the state works once", async () => {
    const { db, admin } = await setUp();
    const callback = await consent(await startDialpadAuthorization(db, admin, { isPopup: false }), "admin@acme.test", "allow");
    expect((await completeDialpadAuthorization(db, admin, callback)).outcome.status).toBe("connected");
    expect((await completeDialpadAuthorization(db, admin, callback)).outcome).toMatchObject({ status: "failed", reason: "invalid_state" });
  });

  it("rejects a state older than 10 minutes and stores nothing", async () => {
    const { db, organization, admin } = await setUp();
    const started = Date.now();
    const callback = await consent(await startDialpadAuthorization(db, admin, { isPopup: false, now: started }), "admin@acme.test", "allow");
    const { outcome } = await completeDialpadAuthorization(db, admin, callback, { now: started + 10 * 60_000 + 1 });
    expect(outcome).toMatchObject({ status: "failed", reason: "expired" });
    expect(await getDialpadConnection(db, organization.id)).toBeUndefined();
  });

  it("rejects a state started by another admin", async () => {
    const { db, organization, admin } = await setUp();
    const other = toViewer(await createUser(db, organization, { role: "admin" }));
    const callback = await consent(await startDialpadAuthorization(db, admin, { isPopup: false }), "admin@acme.test", "allow");
    expect((await completeDialpadAuthorization(db, other, callback)).outcome).toMatchObject({ reason: "invalid_state" });
  });

  it("leaves the state usable by its owner after another admin of the same organization tried it", async () => {
    const { db, organization, admin } = await setUp();
    const other = toViewer(await createUser(db, organization, { role: "admin" }));
    const callback = await consent(await startDialpadAuthorization(db, admin, { isPopup: false }), "admin@acme.test", "allow");
    expect((await completeDialpadAuthorization(db, other, callback)).outcome).toMatchObject({ status: "failed", reason: "invalid_state" });
    expect((await completeDialpadAuthorization(db, admin, callback)).outcome).toMatchObject({ status: "connected", companyDomain: "acme.test" });
  });

  it("refuses a Dialpad company on another domain and stores nothing", async () => {
    const { db, organization, admin } = await setUp();
    const callback = await consent(await startDialpadAuthorization(db, admin, { isPopup: false }), "admin@other.test", "allow");
    const { outcome } = await completeDialpadAuthorization(db, admin, callback);
    expect(outcome).toMatchObject({ status: "failed", reason: "domain_mismatch", dialpadDomain: "other.test" });
    expect(await getDialpadConnection(db, organization.id)).toBeUndefined();
  });

  it("refuses a Dialpad account that is not a company admin", async () => {
    const { db, organization, admin } = await setUp();
    const companies = await (await fetch(`${emulator.url}/__admin/companies`)).json();
    const member = companies.items[0].users.find((user: { isSuperAdmin: boolean; state: string }) => !user.isSuperAdmin && user.state === "active");
    const callback = await consent(await startDialpadAuthorization(db, admin, { isPopup: false }), member.email, "allow");
    expect((await completeDialpadAuthorization(db, admin, callback)).outcome).toMatchObject({ status: "failed", reason: "not_admin" });
    expect(await getDialpadConnection(db, organization.id)).toBeUndefined();
  });

  it("reports Deny as denied and stores nothing", async () => {
    const { db, organization, admin } = await setUp();
    const callback = await consent(await startDialpadAuthorization(db, admin, { isPopup: false }), "admin@acme.test", "deny");
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect((await completeDialpadAuthorization(db, admin, callback)).outcome).toMatchObject({ status: "failed", reason: "denied" });
    expect(await getDialpadConnection(db, organization.id)).toBeUndefined();
  });

  it("only admins can start the flow", async () => {
    const { db, organization } = await setUp();
    const manager = toViewer(await createUser(db, organization, { role: "manager" }));
    await expect(startDialpadAuthorization(db, manager, { isPopup: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
