import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { resetEnvCache } from "@/lib/env";
import { createTestDb } from "@/tests/db";
import { createOrganization } from "@/tests/factories";
import { collectText, outcomeOf } from "@/tests/tenancy/outcome";

const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("next/server", async (original) => ({ ...(await original<object>()), connection: async () => undefined }));
vi.mock("@/lib/session", () => ({ getViewer: async () => null }));
vi.mock("@/db/client", async (original) => ({ ...(await original<object>()), getDb: () => state.db }));

const { default: SignUpPage } = await import("./page");
const { default: LoginPage } = await import("../login/page");

function setSignUp(value: "open" | "closed" | undefined) {
  if (value === undefined) delete process.env.DAYMARK_SIGNUP;
  else process.env.DAYMARK_SIGNUP = value;
  resetEnvCache();
}

beforeAll(async () => {
  const db: Db = await createTestDb();
  await createOrganization(db);
  state.db = db;
});
afterEach(() => setSignUp(undefined));

const renderLogin = async () => collectText(await LoginPage({ searchParams: Promise.resolve({}) }));

describe("/signup", () => {
  it("is a 404 by default and with DAYMARK_SIGNUP=closed, and the sign-in page has no link to it", async () => {
    for (const value of [undefined, "closed"] as const) {
      setSignUp(value);
      expect(await outcomeOf(() => SignUpPage())).toBe("404");
      expect(await renderLogin()).not.toContain("/signup");
    }
  });

  it("shows the sign-up form with DAYMARK_SIGNUP=open, and the sign-in page links to it", async () => {
    setSignUp("open");
    const text = collectText(await SignUpPage());
    expect(text).toContain("Sign up");
    expect(text).toContain("Register your organization and its first administrator. Everyone who signs in later needs an email address in this domain.");
    const login = await renderLogin();
    expect(login).toContain("/signup");
    expect(login).toContain("Sign up your organization");
  });
});
