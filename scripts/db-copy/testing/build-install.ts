// Builds a SQLite install the way the app does, in its own process (DATABASE_URL names the file, so the
// schema module picks SQLite's tables): set-up, users, employees, a Dialpad connection with sealed tokens
// from the emulator, the directory and its auto-mapping, a finished backfill, and the scores it queued.
// Input from the environment: DATABASE_URL, DIALPAD_BASE_URL (the emulator), TOKEN_KEYS/TOKEN_KEY_ACTIVE,
// BUILD_INSTALL_RANGE_START and BUILD_INSTALL_RANGE_END (the backfill's range). Prints a JSON summary.
import { closeDatabase, openDatabase, type Db } from "@/db/client";
import { upsertDialpadConnection } from "@/db/queries/dialpad-connections";
import { migrateDatabase } from "@/db/migrate";
import type { User } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { createDialpadClient, createRateLimiter } from "@/lib/integrations/dialpad/client";
import { getDialpadAccessToken, refreshDialpadAccessToken } from "@/lib/services/dialpad-connection/access-token";
import { sealConnectionSecret } from "@/lib/services/dialpad-connection/token-storage";
import { createEmployee } from "@/lib/services/employees/save-employee";
import { refreshDialpadUsers } from "@/lib/services/mapping/refresh-dialpad-users";
import { setupOrganization } from "@/lib/services/organizations/setup-organization";
import { drainScoreQueue } from "@/lib/services/scores/drain-score-queue";
import { drainTiming } from "@/lib/services/scores/schedule-score-drain";
import { executeSyncRun } from "@/lib/services/sync/execute-sync-run";
import { createSyncRun } from "@/lib/services/sync/plan-run";
import { updateSyncSettings } from "@/lib/services/sync/sync-settings";
import { createUser } from "@/lib/services/users/create-user";

export interface BuiltInstall {
  organizationId: number;
  accessToken: string;
  refreshToken: string;
  backfillRunId: number;
  employeeIds: number[];
}

interface EmulatorCompany {
  id: string;
  name: string;
  domain: string;
  adminEmail: string;
  users: { email: string; firstName: string; lastName: string; state: string; phone: string | null }[];
}

const password = "copy-test-password-1";

async function emulatorAdmin<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${getEnv().DIALPAD_BASE_URL}/__admin${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The production client wiring (stored tokens, refresh) without the 19.5/s company limit. */
function fastClient(db: Db, organizationId: number) {
  return createDialpadClient({
    baseUrl: getEnv().DIALPAD_BASE_URL,
    getAccessToken: () => getDialpadAccessToken(db, organizationId),
    onUnauthorized: (stale) => refreshDialpadAccessToken(db, organizationId, stale),
    rateLimiter: createRateLimiter(100_000),
    timeoutMs: 30_000,
    backoffBaseMs: 5,
    backoffMaxMs: 40,
  });
}

async function buildInstall(db: Db): Promise<BuiltInstall> {
  const rangeStart = Number(process.env.BUILD_INSTALL_RANGE_START);
  const rangeEnd = Number(process.env.BUILD_INSTALL_RANGE_END);
  const { items } = await emulatorAdmin<{ items: EmulatorCompany[] }>("/companies");
  const company = items[0]!;
  const { organization, admin } = await setupOrganization(db, {
    organizationName: company.name, domain: company.domain, timezone: "America/New_York", countryCode: "US",
    adminName: "Dana Admin", adminEmail: `dana.admin@${company.domain}`, password,
  });
  const adminViewer = viewerOf(admin);
  await createUser(db, adminViewer, { name: "Mo Manager", email: `mo.manager@${company.domain}`, role: "manager", password });
  // The setting asks for exactly the days the backfill below reads, so the copy has no older gap to fill.
  const backfillDays = Number(process.env.BUILD_INSTALL_BACKFILL_DAYS);
  await updateSyncSettings(db, adminViewer, { backfillDays, intervalMinutes: 5, trailingWindowHours: 48 });

  const tokens = await emulatorAdmin<{ access_token: string; refresh_token: string; expires_in: number }>("/tokens", {
    user: company.adminEmail,
    scopes: ["calls:list", "offline_access"],
  });
  const now = Date.now();
  await upsertDialpadConnection(db, {
    organizationId: organization.id, status: "connected", dialpadCompanyId: company.id, companyName: company.name,
    companyDomain: company.domain, connectedByUserId: admin.id, connectedByName: admin.name, connectedAt: now,
    accessTokenCipher: sealConnectionSecret(organization.id, "access_token", tokens.access_token),
    refreshTokenCipher: sealConnectionSecret(organization.id, "refresh_token", tokens.refresh_token),
    accessTokenExpiresAt: now + tokens.expires_in * 1000, lastErrorMessage: null, updatedAt: now,
  });

  // Employees with the emails of Dialpad users, the first one the others' manager; created before the
  // directory is fetched, so its auto-mapping links them by email.
  const staff = company.users.filter((u) => u.state === "active" && u.phone !== null).slice(0, 5);
  const employeeIds: number[] = [];
  for (const [index, user] of staff.entries()) {
    const employee = await createEmployee(db, adminViewer, {
      name: `${user.firstName} ${user.lastName}`, email: user.email, phone: null, timezone: index === 2 ? "Europe/London" : null,
      title: index === 0 ? "Team lead" : "SDR", managerId: index === 0 ? null : employeeIds[0]!,
    });
    employeeIds.push(employee.id);
  }
  await refreshDialpadUsers(db, organization.id, fastClient(db, organization.id));

  // The sync schedules background drains; started at once, they are joined by the drain below instead
  // of firing while the database closes (and leaving claimed queue rows behind).
  Object.assign(drainTiming, { quietMs: 0, maxWaitMs: 0 });
  const run = await createSyncRun(db, organization.id, { kind: "backfill", trigger: "connect", rangeStart, rangeEnd, now: rangeEnd });
  const finished = await executeSyncRun(db, { organizationId: run!.organizationId, runId: run!.id }, { createClient: fastClient, pageSize: 25, refreshUsers: false });
  if (finished?.status !== "succeeded") throw new Error(`The backfill did not succeed: ${JSON.stringify(finished)}`);
  await new Promise((resolve) => setTimeout(resolve, 0));
  await drainScoreQueue(db, organization.id);
  return { organizationId: organization.id, accessToken: tokens.access_token, refreshToken: tokens.refresh_token, backfillRunId: run!.id, employeeIds };
}

function viewerOf(user: User) {
  return { userId: user.id, organizationId: user.organizationId, role: user.role, email: user.email, name: user.name, employeeId: null };
}

async function main(): Promise<void> {
  const db = openDatabase(getEnv().DATABASE_URL);
  try {
    await migrateDatabase(db);
    process.stdout.write(`${JSON.stringify(await buildInstall(db))}\n`);
  } finally {
    await closeDatabase(db);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
