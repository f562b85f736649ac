// Two organizations registered through the real sign-up, each with an admin, a manager and an employee,
// employees mapped to Dialpad users, a scored call, a Dialpad connection, a webhook token, a pending OAuth
// state, a password reset link and audit events: every kind of row a foreign id could point at.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { hasQueuedScoreWork } from "@/db/queries/score-queue";
import { recordQueueFailures } from "@/db/queries/score-queue-status";
import { upsertDialpadConnection } from "@/db/queries/dialpad-connections";
import { setWebhookToken } from "@/db/queries/sync";
import { scoreRecomputeQueue, type CallRow, type Employee, type Organization, type User, type UserRole } from "@/db/schema";
import { resetEnvCache } from "@/lib/env";
import type { Viewer } from "@/lib/services/access/viewer";
import { startDialpadAuthorization } from "@/lib/services/dialpad-connection/start-authorization";
import { sealConnectionSecret } from "@/lib/services/dialpad-connection/token-storage";
import { refreshDialpadUsers } from "@/lib/services/mapping/refresh-dialpad-users";
import { createFakeDirectoryClient, fakeDialpadUser } from "@/lib/services/mapping/testing/fake-directory";
import { signUpOrganization, signUpSchema } from "@/lib/services/organizations/sign-up-organization";
import { drainScoreQueue } from "@/lib/services/scores/drain-score-queue";
import { queueEmployeeRecompute } from "@/lib/services/scores/queue-recompute";
import { updateScoreSettings } from "@/lib/services/scores/score-settings";
import { issuePasswordReset } from "@/lib/services/users/password-reset";
import { startUserSession } from "@/lib/services/users/sessions";
import { buildLeg, insertLegs, scoreQueuedDays } from "@/lib/services/views/testing/arrange-day";
import { createUser, createEmployee, toViewer } from "@/tests/factories";
import { waitFor } from "@/tests/wait-for";

export const tenancyEnv = {
  DAYMARK_SIGNUP: "open",
  TOKEN_KEYS: "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
  TOKEN_KEY_ACTIVE: "k1",
  DIALPAD_BASE_URL: "http://127.0.0.1:9",
  DIALPAD_CLIENT_ID: "tenancy-test",
  DIALPAD_CLIENT_SECRET: "tenancy-test-secret",
  APP_URL: "http://localhost:3000",
};

export type Member = { user: User & { password: string }; viewer: Viewer; sessionId: string; employee: Employee | null };

export type Tenant = {
  organization: Organization;
  /** Text that appears only in this organization's data: a page showing it to the other tenant leaks. */
  marker: string;
  members: Record<UserRole, Member>;
  employee: Employee;
  dialpadUserId: string;
  spareDialpadUserId: string;
  call: CallRow;
  dayKey: string;
  role: string;
  webhookToken: string;
  /** The state parameter of an OAuth flow this tenant's admin started and has not finished. */
  oauthState: string;
  resetToken: string;
  /** Score work that failed every try, waiting for an admin's Retry. */
  failedScoreWorkId: number;
};

const callStart = Date.UTC(2026, 2, 10, 14, 0);

/** Registers the organization through sign-up (DAYMARK_SIGNUP=open) and gives it one of everything; Dialpad ids start after `dialpadIdBase`. */
export async function arrangeTenant(db: Db, name: string, dialpadIdBase: number): Promise<Tenant> {
  Object.assign(process.env, tenancyEnv);
  resetEnvCache();
  const slug = name.toLowerCase();
  const marker = `${name}Marker`;
  const { organization, admin } = await signUpOrganization(
    db,
    signUpSchema.parse({
      organizationName: `${marker} Org`,
      domain: `${slug}.test`,
      timezone: "America/New_York",
      countryCode: "US",
      adminName: `${marker} Admin`,
      adminEmail: `admin@${slug}.test`,
      password: "tenancy-password-1",
    }),
  );
  const managerUser = await createUser(db, organization, { role: "manager", name: `${marker} Manager`, email: `manager@${slug}.test` });
  const managerEmployee = await createEmployee(db, organization, { name: managerUser.name, email: managerUser.email, title: `${marker} Lead` });
  const employeeUser = await createUser(db, organization, { role: "employee", name: `${marker} Employee`, email: `employee@${slug}.test` });
  const employee = await createEmployee(db, organization, {
    name: employeeUser.name,
    email: employeeUser.email,
    managerId: managerEmployee.id,
    title: `${marker} Rep`,
  });

  const dialpadUserId = String(dialpadIdBase + 1);
  const spareDialpadUserId = String(dialpadIdBase + 3);
  await refreshDialpadUsers(
    db,
    organization.id,
    createFakeDirectoryClient([
      [
        fakeDialpadUser({ id: dialpadUserId, name: `${marker} Employee`, emails: [employee.email] }),
        fakeDialpadUser({ id: String(dialpadIdBase + 2), name: `${marker} Manager`, emails: [managerEmployee.email] }),
        fakeDialpadUser({ id: spareDialpadUserId, name: `${marker} Spare`, emails: [`spare@${slug}.test`] }),
      ],
    ]),
  );
  const [call] = await insertLegs(db, organization.id, [
    buildLeg(dialpadUserId, { startedAt: callStart, connectedAt: callStart + 5_000, endedAt: callStart + 65_000, contactName: `${marker} Customer` }),
  ]);
  await scoreQueuedDays(db, organization.id);

  const adminUser = { ...admin, password: "tenancy-password-1" };
  const adminViewer = toViewer(admin);
  await updateScoreSettings(db, adminViewer, { role: `${marker} Rep`, talkTimeWeight: 3, connectedCallsWeight: 2, talkTimeTargetMinutes: 90, connectedCallsTarget: 12 });
  await connect(db, organization);
  const webhookToken = `${slug}-webhook-token-0123456789`;
  await setWebhookToken(db, organization.id, webhookToken, Date.now());
  const authorizeUrl = await startDialpadAuthorization(db, adminViewer, { isPopup: false });
  const oauthState = new URL(authorizeUrl).searchParams.get("state")!;
  const { token: resetToken } = await issuePasswordReset(db, adminViewer, { userId: employeeUser.id });
  const failedScoreWorkId = await arrangeFailedScoreWork(db, organization.id, employee.id);

  const members = {
    admin: await member(db, adminUser, null),
    manager: await member(db, managerUser, managerEmployee),
    employee: await member(db, employeeUser, employee),
  };
  return {
    organization, marker, members, employee, dialpadUserId, spareDialpadUserId, call: call!,
    dayKey: "2026-03-10", role: `${marker} Rep`, webhookToken, oauthState, resetToken, failedScoreWorkId,
  };
}

async function arrangeFailedScoreWork(db: Db, organizationId: number, employeeId: number): Promise<number> {
  await queueEmployeeRecompute(db, organizationId, [employeeId]);
  const rows = await db.select().from(scoreRecomputeQueue).where(eq(scoreRecomputeQueue.organizationId, organizationId));
  const row = rows.find((candidate) => candidate.kind === "employee" && candidate.employeeId === employeeId)!;
  await recordQueueFailures(db, organizationId, [{ id: row.id, error: "Arranged to fail", retryAt: null }], Date.now());
  // Only the failed row may stay: pending work would be drained in the background while the cases
  // compare snapshots of this organization, and read as a change the other tenant made.
  await drainScoreQueue(db, organizationId);
  await waitFor(async () => !(await hasQueuedScoreWork(db, organizationId)), { what: `organization ${organizationId}'s score queue to drain` });
  return row.id;
}

async function member(db: Db, user: User & { password: string }, employee: Employee | null): Promise<Member> {
  return { user, viewer: toViewer(user, employee?.id ?? null), sessionId: await startUserSession(db, user), employee };
}

async function connect(db: Db, organization: Organization): Promise<void> {
  const now = Date.now();
  await upsertDialpadConnection(db, {
    organizationId: organization.id,
    status: "connected",
    dialpadCompanyId: `company-${organization.id}`,
    companyName: organization.name,
    companyDomain: organization.domain,
    connectedByName: "Tenancy Test",
    connectedAt: now,
    accessTokenCipher: sealConnectionSecret(organization.id, "access_token", `access-${organization.id}`),
    refreshTokenCipher: sealConnectionSecret(organization.id, "refresh_token", `refresh-${organization.id}`),
    accessTokenExpiresAt: now + 3_600_000,
    webhookSecretCipher: sealConnectionSecret(organization.id, "webhook_secret", `webhook-secret-${organization.id}`),
    lastErrorMessage: null,
    updatedAt: now,
  });
}
