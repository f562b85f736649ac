import type { UserRole } from "@/db/schema";
import { resetEnvCache } from "@/lib/env";
import { signUpOrganization, signUpSchema } from "@/lib/services/organizations/sign-up-organization";
import { buildLeg, insertLegs, linkEmployee, scoreQueuedDays } from "@/lib/services/views/testing/arrange-day";
import { createEmployee, createViewer, uniqueSuffix } from "@/tests/factories";
import { listAppModules } from "@/tests/tenancy/app-routes";
import { getE2eDb, getFirstOrganization } from "./e2e-db";

/**
 * The first organization (made by /setup) gets an employee with a scored call; a second one is registered
 * through the sign-up service with a user of every role. Names carry a tag only the first one's data has.
 */
export async function arrangeSignedUpTenant() {
  const db = getE2eDb();
  const home = await getFirstOrganization();
  const tag = uniqueSuffix();
  const marker = `Homebody ${tag}`;
  const employee = await createEmployee(db, home, { name: marker, title: `${marker} Rep` });
  await linkEmployee(db, employee, `home-${tag}`);
  const start = Date.now() - 2 * 86_400_000;
  const [call] = await insertLegs(db, home.id, [
    buildLeg(`home-${tag}`, { startedAt: start, connectedAt: start + 1_000, endedAt: start + 61_000, contactName: `${marker} Customer` }),
  ]);
  await scoreQueuedDays(db, home.id);

  process.env.DAYMARK_SIGNUP = "open";
  resetEnvCache();
  const domain = `tenant-${tag}.test`;
  const password = "tenant-password-123";
  const { organization, admin } = await signUpOrganization(
    db,
    signUpSchema.parse({
      organizationName: `Tenant ${tag}`, domain, timezone: "UTC", countryCode: "US",
      adminName: `Tia Admin ${tag}`, adminEmail: `tia@${domain}`, password,
    }),
  );
  const manager = await createViewer(db, organization, { role: "manager" });
  const member = await createViewer(db, organization, { role: "employee", managerId: manager.employee!.id });
  const logins: Record<UserRole, { email: string; password: string }> = {
    admin: { email: admin.email, password },
    manager: { email: manager.user.email, password: manager.user.password },
    employee: { email: member.user.email, password: member.user.password },
  };
  return { marker, employee, call: call!, organization, logins, ownEmployeeId: member.employee!.id };
}

/**
 * Every page's URL from app/ on disk: route groups and parallel-route slots dropped (an intercepted modal has
 * the page's own URL), each dynamic segment filled by `fill`, which must know every segment name.
 */
export function listPageUrls(fill: (segment: string) => string | null): { withIds: string[]; withoutIds: string[] } {
  const withIds = new Set<string>();
  const withoutIds = new Set<string>();
  for (const { file, kind } of listAppModules()) {
    if (kind !== "page") continue;
    const segments = file.split("/").slice(0, -1).filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith("@"));
    const dynamic = segments.filter((s) => s.startsWith("["));
    const filled = segments.map((s) => (s.startsWith("[") ? fill(s.slice(1, -1)) : s.replace(/^\(\.+\)/, "")));
    if (filled.includes(null)) continue;
    (dynamic.length > 0 ? withIds : withoutIds).add(`/${filled.join("/")}`);
  }
  return { withIds: [...withIds].sort(), withoutIds: [...withoutIds].sort() };
}
