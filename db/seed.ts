import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { importEmployees } from "@/lib/services/employees/import-employees";
import { registerOrganization } from "@/lib/services/organizations/sign-up-organization";
import { createUser } from "@/lib/services/users/create-user";
import { loadViewer } from "@/lib/services/users/load-viewer";

/** A Dialpad user as the emulator's /__admin/companies lists it. */
export interface DemoDialpadUser {
  email: string;
  firstName?: string;
  lastName?: string;
  name?: string;
  phone: string | null;
  timeZone: string;
  state: string;
  license: string | null;
}

export interface DemoLogins {
  admin: { email: string; password: string };
  manager: { email: string; password: string } | null;
  /** Optional: logins saved before the demo seeded an employee have none. */
  employee?: { email: string; password: string } | null;
}

const csvHeader = "name,email,phone,timezone,title,manager_email";

function displayName(user: DemoDialpadUser): string {
  const fullName = user.name ?? [user.firstName, user.lastName].filter(Boolean).join(" ");
  return fullName || nameFromEmail(user.email);
}

function nameFromEmail(email: string): string {
  return email
    .split("@")[0]!
    .split(/[._-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(" ");
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The demo organization: the emulator company's domain, an admin who is also Dialpad's admin, a manager,
 * and employees for every Dialpad user but the last (left unmapped so the mapping page has work to show).
 */
export async function seedDemo(
  db: Db,
  input: { organizationName: string; domain: string; dialpadUsers: DemoDialpadUser[]; password: string },
): Promise<DemoLogins> {
  const [adminUser, managerUser, ...others] = input.dialpadUsers;
  if (!adminUser) throw new AppError("VALIDATION", "The emulator company has no users to seed from.");
  // Not the first-run set-up: the demo organization may join others (DAYMARK_SIGNUP=open).
  const { admin } = await registerOrganization(db, {
    organizationName: input.organizationName,
    domain: input.domain,
    timezone: "America/New_York",
    countryCode: "US",
    adminName: displayName(adminUser),
    adminEmail: adminUser.email,
    password: input.password,
  });
  const adminViewer = (await loadViewer(db, { userId: admin.id, organizationId: admin.organizationId, role: "admin", sessionVersion: admin.sessionVersion }))!;

  const reports = others.slice(0, Math.max(0, others.length - 1));
  const people: { user: DemoDialpadUser; title: string; managerEmail: string }[] = [
    { user: adminUser, title: "Head of Sales", managerEmail: "" },
    ...(managerUser ? [{ user: managerUser, title: "Sales Manager", managerEmail: "" }] : []),
    ...reports.map((user) => ({ user, title: "Account Executive", managerEmail: managerUser?.email ?? "" })),
  ];
  const rows = people.map(({ user, title, managerEmail }) =>
    [displayName(user), user.email, user.phone ?? "", user.timeZone, title, managerEmail].map(csvCell).join(","),
  );
  const report = await importEmployees(db, adminViewer, [csvHeader, ...rows].join("\n"));
  if (report.status !== "imported") {
    throw new AppError("VALIDATION", `Demo employees were rejected: ${report.problems.map((p) => `row ${p.row}: ${p.message}`).join("; ")}`);
  }

  if (!managerUser) return { admin: { email: adminUser.email, password: input.password }, manager: null };
  await createUser(db, adminViewer, {
    name: displayName(managerUser),
    email: managerUser.email,
    role: "manager",
    password: input.password,
  });
  const employeeUser = reports[0];
  if (employeeUser) {
    await createUser(db, adminViewer, { name: displayName(employeeUser), email: employeeUser.email, role: "employee", password: input.password });
  }
  return {
    admin: { email: adminUser.email, password: input.password },
    manager: { email: managerUser.email, password: input.password },
    employee: employeeUser ? { email: employeeUser.email, password: input.password } : null,
  };
}
