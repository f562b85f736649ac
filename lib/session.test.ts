import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import type { Organization, UserRole } from "@/db/schema";
import type { Viewer } from "@/lib/services/access/viewer";
import { createTestDb } from "@/tests/db";
import { createOrganization, createUser } from "@/tests/factories";

// The real requireViewer (and loadViewer) against a test database. Only what needs a Next.js request
// is replaced: the session next-auth reads from the cookie, and connection().
const state = vi.hoisted(() => ({ session: null as unknown, db: null as unknown }));
vi.mock("next-auth", () => ({ getServerSession: async () => state.session }));
vi.mock("next/server", () => ({ connection: async () => undefined }));
vi.mock("@/lib/auth", () => ({ getAuthOptions: () => ({}) }));
vi.mock("@/db/client", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/db/client")>()), getDb: () => state.db }));

const { requireViewer } = await import("./session");
const { endUserSession, startUserSession } = await import("./services/users/sessions");

let db: Db;
let organization: Organization;
beforeEach(async () => {
  db = await createTestDb();
  state.db = db;
  state.session = null;
  organization = await createOrganization(db);
});

/** A user signed in with the claims next-auth puts in the JWT; `claims` stands for a token issued earlier. */
async function signIn(role: UserRole, claims: Partial<{ role: UserRole; sessionVersion: number; sessionId: string }> = {}) {
  const user = await createUser(db, organization, { role });
  const sessionId = await startUserSession(db, user);
  state.session = { userId: user.id, organizationId: user.organizationId, role: user.role, sessionVersion: user.sessionVersion, sessionId, ...claims };
  return { ...user, sessionId };
}

/** The viewer, or the digest of the Next.js error requireViewer threw (a redirect or a 404). */
async function attempt(options?: Parameters<typeof requireViewer>[0]): Promise<Viewer | string> {
  try {
    return await requireViewer(options);
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest !== "string") throw error;
    return digest;
  }
}

const toLogin = "NEXT_REDIRECT;replace;/login;307;";
const notFound = "NEXT_HTTP_ERROR_FALLBACK;404";
const forbidden = "NEXT_HTTP_ERROR_FALLBACK;403";

describe("requireViewer", () => {
  it("sends a signed-out visitor to /login", async () => {
    expect(await attempt()).toBe(toLogin);
    expect(await attempt({ roles: ["admin"] })).toBe(toLogin);
  });

  it("lets any signed-in role through when no roles are given, with the viewer from the database", async () => {
    const user = await signIn("employee");
    expect(await attempt()).toMatchObject({ userId: user.id, organizationId: organization.id, role: "employee", email: user.email });
  });

  it("lets a listed role through", async () => {
    const user = await signIn("manager");
    expect(await attempt({ roles: ["admin", "manager"] })).toMatchObject({ userId: user.id, role: "manager" });
  });

  it("answers 403 to a role outside the list on a page, and 404 in a server action", async () => {
    await signIn("manager");
    expect(await attempt({ roles: ["admin"] })).toBe(forbidden);
    expect(await attempt({ roles: ["admin"], wrongRole: "notFound" })).toBe(notFound);
    await signIn("employee");
    expect(await attempt({ roles: ["admin", "manager"] })).toBe(forbidden);
    expect(await attempt({ roles: ["admin", "manager"], wrongRole: "notFound" })).toBe(notFound);
  });

  it("checks the role stored now, not the one in an older token", async () => {
    // A token from before a demotion says admin; the database says manager, so the session is over.
    await signIn("manager", { role: "admin" });
    expect(await attempt({ roles: ["admin"] })).toBe(toLogin);
    // A token from before a role change (the session version moved on) is refused the same way.
    await signIn("admin", { sessionVersion: -1 });
    expect(await attempt({ roles: ["admin"] })).toBe(toLogin);
  });

  it("refuses a session ended by sign-out, though its token is still valid", async () => {
    const user = await signIn("admin");
    expect(await attempt()).toMatchObject({ userId: user.id });
    await endUserSession(db, user.sessionId);
    expect(await attempt()).toBe(toLogin);
  });

  it("refuses a token without a server-side session, or carrying another user's session", async () => {
    const other = await signIn("employee");
    await signIn("admin", { sessionId: other.sessionId });
    expect(await attempt()).toBe(toLogin);
    await signIn("admin", { sessionId: "made-up" });
    expect(await attempt()).toBe(toLogin);
  });
});
