import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listAuditEvents } from "@/db/queries/audit";
import type { Organization, User } from "@/db/schema";
import { createOrganization, createUser, factoryPassword, toViewer } from "@/tests/factories";
import { createTestDb } from "@/tests/db";
import { changeOwnPassword } from "./change-password";
import { completePasswordReset, isPasswordResetUsable, issuePasswordReset } from "./password-reset";
import { loadSessionViewer, startUserSession } from "./sessions";
import { signOutEverywhere } from "./sign-out-everywhere";
import { verifyCredentials } from "./verify-credentials";

const start = Date.UTC(2026, 2, 9, 9, 0, 0);
const hour = 60 * 60 * 1000;

let db: Db;
let organization: Organization;
let admin: User;
let user: User & { password: string };

beforeEach(async () => {
  db = await createTestDb();
  organization = await createOrganization(db);
  admin = await createUser(db, organization, { role: "admin", name: "Ada Admin" });
  user = await createUser(db, organization, { role: "employee", name: "Eve Employee" });
});

/** Whether a cookie for this session would still read anything, at `now`. */
async function isLive(sessionId: string, who: User = user, now = start) {
  const claims = { userId: who.id, organizationId: who.organizationId, role: who.role, sessionVersion: who.sessionVersion, sessionId };
  return (await loadSessionViewer(db, claims, now)) !== null;
}

async function auditSummaries() {
  const { events } = await listAuditEvents(db, { organizationId: organization.id, filters: {}, limit: 50, offset: 0 });
  return events.map((e) => [e.action, e.summary, e.actorName]);
}

describe("server-side sessions", () => {
  it("end eight hours after their last use", async () => {
    const session = await startUserSession(db, user, start);
    expect(await isLive(session, user, start + 7 * hour)).toBe(true);
    expect(await isLive(session, user, start + 15 * hour - 1)).toBe(true);
    expect(await isLive(session, user, start + 23 * hour - 1)).toBe(false);
    expect(await isLive(await startUserSession(db, user, start), user, start + 8 * hour)).toBe(false);
  });

  it("all end when the user signs out everywhere, and new sign-ins work", async () => {
    const [laptop, phone] = [await startUserSession(db, user, start), await startUserSession(db, user, start)];
    const adminSession = await startUserSession(db, admin, start);
    expect(await signOutEverywhere(db, toViewer(user), { userId: user.id }, start)).toBe(2);
    expect([await isLive(laptop), await isLive(phone), await isLive(adminSession, admin)]).toEqual([false, false, true]);
    expect(await isLive(await startUserSession(db, user, start))).toBe(true);
    expect(await auditSummaries()).toEqual([["user.sessions_revoked", "Eve Employee signed out everywhere", "Eve Employee"]]);
  });

  it("can be ended everywhere by an admin, not by another non-admin, nor across organizations", async () => {
    const session = await startUserSession(db, user, start);
    const other = await createUser(db, organization, { role: "manager" });
    await expect(signOutEverywhere(db, toViewer(other), { userId: user.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stranger = await createUser(db, await createOrganization(db), { role: "admin" });
    await expect(signOutEverywhere(db, toViewer(stranger), { userId: user.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await isLive(session)).toBe(true);
    expect(await signOutEverywhere(db, toViewer(admin), { userId: user.id }, start)).toBe(1);
    expect(await isLive(session)).toBe(false);
    expect(await auditSummaries()).toEqual([["user.sessions_revoked", "Signed Eve Employee out everywhere", "Ada Admin"]]);
  });
});

describe("changing one's own password", () => {
  it("needs the current password, then signs in only with the new one and ends every session", async () => {
    const session = await startUserSession(db, user, start);
    await expect(changeOwnPassword(db, toViewer(user), { currentPassword: "not-it", newPassword: "brand-new-password" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { currentPassword: ["The current password is incorrect."] },
    });
    expect(await isLive(session)).toBe(true);
    await changeOwnPassword(db, toViewer(user), { currentPassword: factoryPassword, newPassword: "brand-new-password" }, start);
    expect(await isLive(session)).toBe(false);
    expect(await verifyCredentials(db, user.email, factoryPassword, { address: "192.0.2.1" })).toBeNull();
    expect((await verifyCredentials(db, user.email, "brand-new-password", { address: "192.0.2.1" }))?.id).toBe(user.id);
    expect(await auditSummaries()).toEqual([["user.password_reset", "Eve Employee changed their password", "Eve Employee"]]);
  });
});

describe("password reset links", () => {
  it("set a new password once, within an hour, and end every session of the user", async () => {
    const session = await startUserSession(db, user, start);
    const { token, expiresAt } = await issuePasswordReset(db, toViewer(admin), { userId: user.id }, start);
    expect(expiresAt).toBe(start + hour);
    expect(await isPasswordResetUsable(db, token, start + hour - 1)).toBe(true);
    await completePasswordReset(db, { token, newPassword: "reset-password-1" }, start + hour - 1);
    expect(await isLive(session)).toBe(false);
    expect((await verifyCredentials(db, user.email, "reset-password-1", { address: "192.0.2.1" }))?.id).toBe(user.id);
    const used = completePasswordReset(db, { token, newPassword: "reset-password-2" }, start + hour - 1);
    await expect(used).rejects.toMatchObject({ code: "VALIDATION", message: "This reset link is invalid, used or expired. Ask an admin for a new one." });
    expect(await auditSummaries()).toEqual([
      ["user.password_reset", "Eve Employee set a new password with a reset link", "Eve Employee"],
      ["user.password_reset", "Issued a password reset link for Eve Employee", "Ada Admin"],
    ]);
  });

  it("refuse an expired link, a link replaced by a newer one, and a made-up one", async () => {
    const first = await issuePasswordReset(db, toViewer(admin), { userId: user.id }, start);
    await expect(completePasswordReset(db, { token: first.token, newPassword: "reset-password-1" }, start + hour)).rejects.toMatchObject({ code: "VALIDATION" });
    const second = await issuePasswordReset(db, toViewer(admin), { userId: user.id }, start + 1);
    const third = await issuePasswordReset(db, toViewer(admin), { userId: user.id }, start + 2);
    expect(await isPasswordResetUsable(db, second.token, start + 3)).toBe(false);
    await expect(completePasswordReset(db, { token: "made-up", newPassword: "reset-password-1" }, start + 3)).rejects.toMatchObject({ code: "VALIDATION" });
    await completePasswordReset(db, { token: third.token, newPassword: "reset-password-1" }, start + 3);
  });

  it("are issued by admins only, for users of their own organization", async () => {
    const manager = await createUser(db, organization, { role: "manager" });
    await expect(issuePasswordReset(db, toViewer(manager), { userId: user.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stranger = await createUser(db, await createOrganization(db), { role: "admin" });
    await expect(issuePasswordReset(db, toViewer(stranger), { userId: user.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
