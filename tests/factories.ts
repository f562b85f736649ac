import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { insertEmployee } from "@/db/queries/employees";
import { insertOrganization } from "@/db/queries/organizations";
import { insertUser } from "@/db/queries/users";
import type { Employee, NewEmployee, NewOrganization, NewUser, Organization, User, UserRole } from "@/db/schema";
import type { Viewer } from "@/lib/services/access/viewer";
import { hashPassword } from "@/lib/services/users/passwords";

// Unique across processes too: Playwright and the app can share one database file.
const runTag = randomBytes(3).toString("hex");
let sequence = 0;

export function uniqueSuffix(): string {
  sequence += 1;
  return `${runTag}${sequence}`;
}

/** The password every factory user gets unless a test passes its own. */
export const factoryPassword = "factory-password-123";

const hashes = new Map<string, Promise<string>>();
function cachedHash(password: string): Promise<string> {
  const hash = hashes.get(password) ?? hashPassword(password);
  hashes.set(password, hash);
  return hash;
}

export async function createOrganization(db: Db, overrides: Partial<NewOrganization> = {}): Promise<Organization> {
  const suffix = uniqueSuffix();
  return insertOrganization(db, {
    name: `Org ${suffix}`,
    domain: `org-${suffix}.test`,
    timezone: "America/New_York",
    countryCode: "US",
    createdAt: Date.now(),
    ...overrides,
  });
}

type UserOverrides = Partial<Omit<NewUser, "organizationId" | "passwordHash">> & { password?: string };

/** A user in the organization's domain; the plain password is returned for sign-in tests. */
export async function createUser(
  db: Db,
  organization: Organization,
  overrides: UserOverrides = {},
): Promise<User & { password: string }> {
  const { password = factoryPassword, ...fields } = overrides;
  const suffix = uniqueSuffix();
  const user = await insertUser(db, {
    name: `User ${suffix}`,
    email: `user-${suffix}@${organization.domain}`,
    role: "employee",
    createdAt: Date.now(),
    ...fields,
    organizationId: organization.id,
    passwordHash: await cachedHash(password),
  });
  return { ...user, password };
}

export async function createEmployee(
  db: Db,
  organization: Organization,
  overrides: Partial<Omit<NewEmployee, "organizationId">> = {},
): Promise<Employee> {
  const suffix = uniqueSuffix();
  const now = Date.now();
  return insertEmployee(db, {
    name: `Employee ${suffix}`,
    email: `employee-${suffix}@${organization.domain}`,
    createdAt: now,
    updatedAt: now,
    ...overrides,
    organizationId: organization.id,
  });
}

export function toViewer(user: User, employeeId: number | null = null): Viewer {
  const { id: userId, organizationId, role, email, name } = user;
  return { userId, organizationId, role, email, name, employeeId };
}

/**
 * A signed-in person for service tests: a user with this role and, unless `hasEmployee` is false,
 * the employee record with the same email (optionally reporting to `managerId`).
 */
export async function createViewer(
  db: Db,
  organization: Organization,
  options: { role: UserRole; hasEmployee?: boolean; managerId?: number | null; name?: string },
): Promise<{ viewer: Viewer; user: User & { password: string }; employee: Employee | null }> {
  const user = await createUser(db, organization, { role: options.role, ...(options.name ? { name: options.name } : {}) });
  const employee =
    options.hasEmployee === false
      ? null
      : await createEmployee(db, organization, { name: user.name, email: user.email, managerId: options.managerId ?? null });
  return { viewer: toViewer(user, employee?.id ?? null), user, employee };
}
