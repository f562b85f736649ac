import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Organization } from "@/db/schema";
import type { Viewer } from "@/lib/services/access/viewer";
import { createOrganization, createUser, createViewer } from "@/tests/factories";
import { createTestDb } from "@/tests/db";
import { checkCreateUserForm, createUser as createUserService, createUserSchema } from "./create-user";
import { listOrganizationUsers } from "./list-users";
import { loadViewer } from "./load-viewer";
import { changeUserRole, setUserActive } from "./update-user-access";
import { verifyCredentials } from "./verify-credentials";

let db: Db;
let org: Organization;
let admin: Viewer;

beforeEach(async () => {
  db = await createTestDb();
  org = await createOrganization(db, { domain: "acme.test" });
  ({ viewer: admin } = await createViewer(db, org, { role: "admin", hasEmployee: false, name: "Ada Admin" }));
});

const input = (overrides: Record<string, string> = {}) =>
  createUserSchema.parse({ name: "Max Manager", email: "max@acme.test", role: "manager", password: "initial-pass-1", ...overrides });

describe("createUser", () => {
  it("creates a user who can sign in with the password the admin set", async () => {
    const user = await createUserService(db, admin, input({ email: " MAX@acme.test " }));
    expect([user.email, user.role, user.isActive]).toEqual(["max@acme.test", "manager", true]);
    expect((await verifyCredentials(db, "max@acme.test", "initial-pass-1"))?.id).toBe(user.id);
    expect(await verifyCredentials(db, "max@acme.test", "wrong-password")).toBeNull();
    expect((await listOrganizationUsers(db, admin)).map((u) => u.email)).toEqual([admin.email, "max@acme.test"]);
  });

  it("requires an email in the organization's domain and unused", async () => {
    await expect(createUserService(db, admin, input({ email: "max@gmail.com" }))).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { email: ["Use an address at acme.test."] },
    });
    await createUserService(db, admin, input());
    await expect(createUserService(db, admin, input())).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { email: ["A user with this email already exists."] },
    });
  });

  it("reports a short password, a missing name and an email outside the domain in one pass", async () => {
    const form = { name: "", email: "max@gmail.com", role: "manager", password: "short" };
    await expect(checkCreateUserForm(db, admin, form)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { name: ["Enter a name."], password: ["Use at least 10 characters."], email: ["Use an address at acme.test."] },
    });
    await createUserService(db, admin, input());
    await expect(checkCreateUserForm(db, admin, { ...form, email: "max@acme.test" })).rejects.toMatchObject({
      fieldErrors: { name: ["Enter a name."], password: ["Use at least 10 characters."], email: ["A user with this email already exists."] },
    });
  });

  it("is for admins only", async () => {
    const { viewer: manager } = await createViewer(db, org, { role: "manager" });
    await expect(createUserService(db, manager, input())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listOrganizationUsers(db, manager)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("changing access", () => {
  it("ends the old session when the role changes or the user is deactivated", async () => {
    const user = await createUser(db, org, { role: "employee" });
    const claims = { userId: user.id, organizationId: org.id, role: user.role, sessionVersion: user.sessionVersion };
    expect((await loadViewer(db, claims))?.role).toBe("employee");

    const promoted = await changeUserRole(db, admin, { userId: user.id, role: "manager" });
    expect(await loadViewer(db, claims)).toBeNull();
    const fresh = { ...claims, role: promoted.role, sessionVersion: promoted.sessionVersion };
    expect((await loadViewer(db, fresh))?.role).toBe("manager");

    await setUserActive(db, admin, { userId: user.id, isActive: false });
    expect(await loadViewer(db, { ...fresh, sessionVersion: fresh.sessionVersion + 1 })).toBeNull();
    expect(await verifyCredentials(db, user.email, user.password)).toBeNull();
  });

  it("will not let an admin demote or deactivate themselves", async () => {
    await expect(changeUserRole(db, admin, { userId: admin.userId, role: "employee" })).rejects.toMatchObject({
      code: "VALIDATION",
      message: "You can't change the role of your own account.",
    });
    await expect(setUserActive(db, admin, { userId: admin.userId, isActive: false })).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });

  it("treats another organization's user as not found", async () => {
    const other = await createUser(db, await createOrganization(db));
    await expect(changeUserRole(db, admin, { userId: other.id, role: "admin" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("loadViewer", () => {
  it("links the user to the employee with the same email in the same organization", async () => {
    const { user, employee } = await createViewer(db, org, { role: "employee" });
    const claims = { userId: user.id, organizationId: org.id, role: user.role, sessionVersion: user.sessionVersion };
    expect(await loadViewer(db, claims)).toEqual({
      userId: user.id,
      organizationId: org.id,
      role: "employee",
      email: user.email,
      name: user.name,
      employeeId: employee?.id,
    });
    expect(await loadViewer(db, { ...claims, organizationId: org.id + 1 })).toBeNull();
  });
});
