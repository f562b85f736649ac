// The shared set-up of the many-instance checks: a scratch PostgreSQL database, emulators, and
// organizations registered through sign-up's core (registerOrganization, via the demo seed) with their
// Dialpad connection stored as the OAuth callback stores it, their first backfill queued as a job.
import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import type { EmulatorProcess } from "../bench-sync/emulator";
import type { DialpadRouter } from "./proxies";

export const dialpadPassword = "dialpad";

export interface EmulatorCompany {
  id: string;
  name: string;
  domain: string;
  adminEmail: string;
  users: { email: string; firstName?: string; lastName?: string; name?: string; phone: string | null; timeZone: string; state: string; license: string | null }[];
}

export interface ConnectedOrganization {
  organizationId: number;
  adminUserId: number;
  emulator: EmulatorProcess;
  company: EmulatorCompany;
}

/** Secrets shared by every process of the run; the driver sets them on itself before any app module reads them. */
export function deploymentSecrets(): Record<string, string> {
  return {
    TOKEN_KEYS: `run:${randomBytes(32).toString("base64")}`,
    TOKEN_KEY_ACTIVE: "run",
    NEXTAUTH_SECRET: randomBytes(24).toString("hex"),
    CRON_SECRET: randomBytes(24).toString("hex"),
    DIALPAD_CLIENT_ID: "daymark-dev",
    DIALPAD_CLIENT_SECRET: "daymark-dev-secret",
  };
}

/** A new, migrated database on the server `serverUrl` names; `drop` removes it. */
export async function createScratchDatabase(serverUrl: string, label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const { closeDatabase, openDatabase } = await import("@/db/client");
  const { getPostgresPool } = await import("@/db/engines/postgres");
  const { migrateDatabase } = await import("@/db/migrate");
  const name = `daymark_${label}_${randomBytes(4).toString("hex")}`;
  const server = openDatabase(serverUrl);
  await getPostgresPool(server).query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = openDatabase(url.toString());
  await migrateDatabase(db);
  await closeDatabase(db);
  return {
    url: url.toString(),
    drop: async () => {
      await getPostgresPool(server).query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await closeDatabase(server);
    },
  };
}

export async function listCompanies(emulator: EmulatorProcess): Promise<EmulatorCompany[]> {
  return (await emulator.admin<{ items: EmulatorCompany[] }>("/companies")).items;
}

/**
 * Registers the company's organization with its employees (the demo seed's import), stores the
 * connection with tokens the emulator issued to the company's admin, and queues the first backfill:
 * what the OAuth callback does after a connect.
 */
export async function connectOrganization(db: Db, emulator: EmulatorProcess, emulatorIndex: number, company: EmulatorCompany, router?: DialpadRouter): Promise<ConnectedOrganization> {
  const { seedDemo } = await import("@/db/seed");
  const { getOrganizationByDomain } = await import("@/db/queries/organizations");
  const { upsertDialpadConnection } = await import("@/db/queries/dialpad-connections");
  const { sealConnectionSecret } = await import("@/lib/services/dialpad-connection/token-storage");
  const { prepareNextRun } = await import("@/lib/services/sync/plan-run");
  const { enqueueJob } = await import("@/lib/jobs/enqueue");
  const { queryRows } = await import("@/db/engines/raw");
  const { sql } = await import("drizzle-orm");

  await seedDemo(db, { organizationName: company.name, domain: company.domain, dialpadUsers: company.users, password: dialpadPassword });
  const organization = (await getOrganizationByDomain(db, company.domain))!;
  const [admin] = await queryRows<{ id: number }>(db, sql`select id from users where organization_id = ${organization.id} and role = 'admin' order by id limit 1`);
  const tokens = await emulator.admin<{ access_token: string; refresh_token: string; expires_in: number }>("/tokens", {
    user: company.adminEmail,
    scopes: ["calls:list", "offline_access"],
  });
  router?.learn(tokens.access_token, emulatorIndex);
  router?.learn(tokens.refresh_token, emulatorIndex);
  const now = Date.now();
  await upsertDialpadConnection(db, {
    organizationId: organization.id, status: "connected", dialpadCompanyId: company.id, companyName: company.name,
    companyDomain: company.domain, connectedByUserId: admin!.id, connectedByName: "Dana Admin", connectedAt: now,
    accessTokenCipher: sealConnectionSecret(organization.id, "access_token", tokens.access_token),
    refreshTokenCipher: sealConnectionSecret(organization.id, "refresh_token", tokens.refresh_token),
    accessTokenExpiresAt: now + tokens.expires_in * 1000, lastRefreshAt: now, lastErrorMessage: null, updatedAt: now,
  });
  const next = await prepareNextRun(db, organization.id, { trigger: "connect", now });
  if ("run" in next) await enqueueJob(db, "sync-run", { organizationId: organization.id, runId: next.run.id });
  return { organizationId: organization.id, adminUserId: admin!.id, emulator, company };
}

/** Calls that just ended at the emulator: their webhook events go out at once. */
export async function placeLiveCalls(organization: ConnectedOrganization, count: number, seed: number): Promise<number> {
  const callers = organization.company.users.filter((user) => user.state === "active" && user.phone);
  const kinds = ["answered", "missed", "voicemail"] as const;
  const calls = Array.from({ length: count }, (_, i) => {
    const user = callers[(seed + i) % callers.length]!;
    const other = callers[(seed + i + 1) % callers.length]!;
    const internal = (seed + i) % 4 === 0 && other.email !== user.email;
    return {
      user: user.email,
      kind: kinds[(seed + i) % kinds.length],
      direction: internal || (seed + i) % 2 === 0 ? "outbound" : "inbound",
      ...(internal ? { to_user: other.email } : {}),
      talk_ms: 20_000 + ((seed * 7919 + i * 104_729) % 300_000),
    };
  });
  if (calls.length === 0) return 0;
  await organization.emulator.admin("/calls", { calls });
  return calls.length;
}
