import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listAuditEvents } from "@/db/queries/audit";
import { countOrganizations } from "@/db/queries/organizations";
import { getUserByEmail } from "@/db/queries/users";
import { resetEnvCache } from "@/lib/env";
import { verifyCredentials } from "@/lib/services/users/verify-credentials";
import { createTestDb } from "@/tests/db";
import { setupOrganization, setupSchema } from "./setup-organization";
import { checkSignUpForm, domainTakenMessage, isSignUpOpen, registerOrganization, signUpOrganization, signUpSchema } from "./sign-up-organization";

const acme = {
  organizationName: "Acme Inc",
  domain: "acme.com",
  timezone: "Europe/Berlin",
  countryCode: "DE",
  adminName: "Ada Admin",
  adminEmail: "ada@acme.com",
  password: "long-enough-pw",
};
const globex = { ...acme, organizationName: "Globex", domain: "globex.com", adminName: "Gil Globex", adminEmail: "gil@globex.com" };

function setSignUp(value: string | undefined) {
  if (value === undefined) delete process.env.DAYMARK_SIGNUP;
  else process.env.DAYMARK_SIGNUP = value;
  resetEnvCache();
}

let db: Db;
beforeEach(async () => {
  db = await createTestDb();
  setSignUp("open");
});
afterEach(() => setSignUp(undefined));

describe("isSignUpOpen", () => {
  it("is closed unless DAYMARK_SIGNUP=open", () => {
    setSignUp(undefined);
    expect(isSignUpOpen()).toBe(false);
    setSignUp("closed");
    expect(isSignUpOpen()).toBe(false);
    setSignUp("open");
    expect(isSignUpOpen()).toBe(true);
  });
});

describe("signUpOrganization", () => {
  it("registers a second organization next to the first-run one, with an admin who signs in, and audits it", async () => {
    await setupOrganization(db, setupSchema.parse(acme));
    const { organization, admin } = await signUpOrganization(db, signUpSchema.parse(globex), 1_767_225_600_000);

    expect(await countOrganizations(db)).toBe(2);
    expect([organization.name, organization.domain, organization.timezone, organization.countryCode]).toEqual(["Globex", "globex.com", "Europe/Berlin", "DE"]);
    expect([admin.email, admin.role, admin.organizationId]).toEqual(["gil@globex.com", "admin", organization.id]);
    expect((await getUserByEmail(db, "gil@globex.com"))?.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await verifyCredentials(db, "gil@globex.com", "long-enough-pw"))?.organizationId).toBe(organization.id);

    const { events } = await listAuditEvents(db, { organizationId: organization.id, filters: {}, limit: 10, offset: 0 });
    expect(events.map((e) => [e.actorUserId, e.actorName, e.action, e.targetType, e.targetId, e.summary, e.createdAt])).toEqual([
      [admin.id, "Gil Globex", "organization.created", "organization", String(organization.id), "Registered Globex (globex.com)", 1_767_225_600_000],
    ]);
  });

  it("works as the very first organization too", async () => {
    const { organization } = await signUpOrganization(db, signUpSchema.parse(acme));
    expect(organization.domain).toBe("acme.com");
    expect(await countOrganizations(db)).toBe(1);
  });

  it("refuses a domain an organization already holds, naming no organization, and writes nothing", async () => {
    await signUpOrganization(db, signUpSchema.parse(acme));
    const again = signUpSchema.parse({ ...acme, domain: "ACME.com", organizationName: "Acme Two", adminEmail: "bo@acme.com" });
    await expect(signUpOrganization(db, again)).rejects.toMatchObject({
      code: "CONFLICT",
      message: domainTakenMessage,
      fieldErrors: { domain: ["An organization already uses this email domain; ask its admin to invite you."] },
    });
    expect(await countOrganizations(db)).toBe(1);
    expect(await getUserByEmail(db, "bo@acme.com")).toBeUndefined();
  });

  it("reports a taken domain together with the other fields' problems, in one pass", async () => {
    await signUpOrganization(db, signUpSchema.parse(acme));
    await expect(checkSignUpForm(db, { ...acme, domain: "ACME.com", adminName: "", password: "short" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        domain: ["An organization already uses this email domain; ask its admin to invite you."],
        adminName: ["Enter a name."],
        password: ["Use at least 10 characters."],
      },
    });
    setSignUp("closed");
    await expect(checkSignUpForm(db, { ...acme, password: "short" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets exactly one of two simultaneous sign-ups for one domain win; the other gets the domain message", async () => {
    const results = await Promise.allSettled([
      signUpOrganization(db, signUpSchema.parse(acme)),
      signUpOrganization(db, signUpSchema.parse({ ...acme, adminEmail: "bo@acme.com" })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.reason).toMatchObject({ code: "CONFLICT", message: domainTakenMessage });
    expect(await countOrganizations(db)).toBe(1);
  });

  it("is a 404 while sign-up is closed, and creates nothing", async () => {
    setSignUp("closed");
    await expect(signUpOrganization(db, signUpSchema.parse(acme))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await countOrganizations(db)).toBe(0);
  });
});

describe("registerOrganization (the demo seed)", () => {
  it("adds an organization beside an existing one even while sign-up is closed", async () => {
    setSignUp("closed");
    await setupOrganization(db, setupSchema.parse(acme));
    const { organization } = await registerOrganization(db, signUpSchema.parse(globex));
    expect(organization.domain).toBe("globex.com");
    expect(await countOrganizations(db)).toBe(2);
  });
});
