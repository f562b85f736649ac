import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getUserByEmail } from "@/db/queries/users";
import { verifyCredentials } from "@/lib/services/users/verify-credentials";
import { createTestDb } from "@/tests/db";
import { isSetupComplete, setupOrganization, setupSchema } from "./setup-organization";

const form = {
  organizationName: "  Acme Inc ",
  domain: "https://Acme.com/",
  timezone: "america/new_york",
  countryCode: "gb",
  adminName: "Ada Admin",
  adminEmail: "Ada@ACME.com",
  password: "long-enough-pw",
};

let db: Db;
beforeEach(async () => {
  db = await createTestDb();
});

describe("setupSchema", () => {
  it("tidies the domain, email, time zone and country", () => {
    expect(setupSchema.parse(form)).toEqual({
      ...form,
      organizationName: "Acme Inc",
      domain: "acme.com",
      timezone: "America/New_York",
      countryCode: "GB",
      adminEmail: "ada@acme.com",
    });
  });

  it("requires the admin's email to be in the domain, exactly", () => {
    const result = setupSchema.safeParse({ ...form, adminEmail: "ada@sales.acme.com" });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["adminEmail", "The admin's email must be in the organization's domain."],
    ]);
  });

  it("reports an email outside the domain together with the other fields' problems", () => {
    const result = setupSchema.safeParse({ ...form, adminEmail: "ada@other.com", password: "short", adminName: "" });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["adminName", "Enter a name."],
      ["password", "Use at least 10 characters."],
      ["adminEmail", "The admin's email must be in the organization's domain."],
    ]);
  });

  it("rejects a short password, a bad domain and a made-up time zone", () => {
    const result = setupSchema.safeParse({ ...form, password: "short", domain: "acme", timezone: "Mars/Base" });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["domain", "Enter a domain such as example.com."],
      ["timezone", "Choose a valid IANA time zone, such as America/New_York."],
      ["password", "Use at least 10 characters."],
    ]);
  });
});

describe("setupOrganization", () => {
  it("registers the organization and an admin who can sign in with an argon2id hash", async () => {
    expect(await isSetupComplete(db)).toBe(false);
    const { organization, admin } = await setupOrganization(db, setupSchema.parse(form));
    expect([organization.name, organization.domain, organization.timezone, organization.countryCode]).toEqual([
      "Acme Inc",
      "acme.com",
      "America/New_York",
      "GB",
    ]);
    expect([admin.email, admin.role, admin.organizationId]).toEqual(["ada@acme.com", "admin", organization.id]);
    expect((await getUserByEmail(db, "ada@acme.com"))?.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await verifyCredentials(db, "ADA@acme.com", "long-enough-pw"))?.id).toBe(admin.id);
    expect(await isSetupComplete(db)).toBe(true);
  });

  it("refuses a second organization", async () => {
    await setupOrganization(db, setupSchema.parse(form));
    const second = setupSchema.parse({ ...form, domain: "other.com", adminEmail: "bo@other.com" });
    await expect(setupOrganization(db, second)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await getUserByEmail(db, "bo@other.com")).toBeUndefined();
  });
});
