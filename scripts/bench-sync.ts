import { randomBytes } from "node:crypto";
import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { BenchDatabases } from "./bench-sync/databases";
import type { EmulatorProcess } from "./bench-sync/emulator";

// `npm run bench:sync`: backfills ~1,000,000 calls from an emulator process with the rate limit off and
// compares the rate with the raw limit measured in the same run on the same engine (the same pages
// fetched without storing, plus the same rows inserted the plain fastest way in one transaction). Then,
// with Dialpad's 20 requests/second limit on, measures the request rate the production client reaches.
// The engine is DATABASE_URL's: unset or a file path → SQLite files in a temporary folder; postgres://…
// → throwaway databases on that server. Not part of `npm test`: minutes, and ~2 GB of temporary disk.

const anchor = Date.parse("2025-06-18T15:30:00Z");
const dayMs = 86_400_000;
const days = 30;
const tokenKey = randomBytes(32).toString("base64");
Object.assign(process.env, {
  TOKEN_KEYS: `bench:${tokenKey}`,
  TOKEN_KEY_ACTIVE: "bench",
  DIALPAD_CLIENT_ID: "daymark-dev",
  DIALPAD_CLIENT_SECRET: "daymark-dev-secret",
});

const emulatorEnv = {
  EMULATOR_USERS: process.env.BENCH_USERS ?? "1000",
  EMULATOR_DAYS: String(days + 1),
  EMULATOR_CALLS_PER_USER_DAY: process.env.BENCH_CALLS_PER_USER_DAY ?? "50",
  EMULATOR_ANCHOR: String(anchor),
  EMULATOR_RATE_LIMIT: "0",
  EMULATOR_CLIENT_ID: "daymark-dev",
  EMULATOR_CLIENT_SECRET: "daymark-dev-secret",
};

async function main(): Promise<void> {
  const { startEmulatorProcess } = await import("./bench-sync/emulator");
  const { openBenchDatabases } = await import("./bench-sync/databases");
  const emulator = await startEmulatorProcess(emulatorEnv);
  process.env.DIALPAD_BASE_URL = emulator.url;
  const databases = openBenchDatabases(process.env.DATABASE_URL);
  try {
    await run(emulator, databases);
  } finally {
    await databases.dispose();
    emulator.stop();
  }
}

async function run(emulator: EmulatorProcess, databases: BenchDatabases): Promise<void> {
  const { upsertDialpadConnection } = await import("@/db/queries/dialpad-connections");
  const { createDialpadClient } = await import("@/lib/integrations/dialpad/client");
  const { createDialpadClientForOrganization } = await import("@/lib/services/dialpad-connection/client-for-organization");
  const { getDialpadAccessToken, refreshDialpadAccessToken } = await import("@/lib/services/dialpad-connection/access-token");
  const { sealConnectionSecret } = await import("@/lib/services/dialpad-connection/token-storage");
  const { executeSyncRun } = await import("@/lib/services/sync/execute-sync-run");
  const { createSyncRun } = await import("@/lib/services/sync/plan-run");
  const { drainScoreQueue } = await import("@/lib/services/scores/drain-score-queue");
  const { fetchWithoutStoring, insertBare } = await import("./bench-sync/baseline");

  console.log(`Engine: ${databases.engine} (${databases.where}).`);
  const { db, organizationId } = await databases.create("sync");
  const companies = await emulator.admin<{ items: { adminEmail: string; id: string }[] }>("/companies");
  const tokens = await emulator.admin<{ access_token: string; refresh_token: string; expires_in: number }>("/tokens", {
    user: companies.items[0]!.adminEmail,
    scopes: ["calls:list", "offline_access"],
  });
  await upsertDialpadConnection(db, {
    organizationId, status: "connected", dialpadCompanyId: companies.items[0]!.id, companyName: "Bench", companyDomain: "acme.test",
    connectedByName: "Bench", connectedAt: Date.now(),
    accessTokenCipher: sealConnectionSecret(organizationId, "access_token", tokens.access_token),
    refreshTokenCipher: sealConnectionSecret(organizationId, "refresh_token", tokens.refresh_token),
    accessTokenExpiresAt: Date.now() + tokens.expires_in * 1000, updatedAt: Date.now(),
  });

  const range = { rangeStart: anchor - days * dayMs, rangeEnd: anchor };
  const { count } = await emulator.admin<{ count: number }>(`/calls?count_only=true&started_after=${range.rangeStart - 1}&started_before=${range.rangeEnd}`);
  console.log(`Emulator holds ${count.toLocaleString("en-US")} call legs in the ${days}-day range.`);
  const unlimited = {
    perSecond: Number.POSITIVE_INFINITY,
    currentRate: () => Number.POSITIVE_INFINITY,
    acquire: async () => ({ release: () => undefined, reportRateLimited: () => undefined }),
  };
  const unlimitedClient = () =>
    createDialpadClient({
      baseUrl: emulator.url,
      getAccessToken: () => getDialpadAccessToken(db, organizationId),
      onUnauthorized: (stale) => refreshDialpadAccessToken(db, organizationId, stale),
      rateLimiter: unlimited,
    });

  // 1. The sync itself, first, so the process's peak RSS is the sync's.
  const syncRun = await createSyncRun(db, organizationId, { kind: "backfill", trigger: "admin", ...range, now: anchor });
  const { startIdleLoopDelay } = await import("./bench-sync/idle-loop-delay");
  const idleLoop = startIdleLoopDelay();
  const { startCpuProfile } = await import("./bench-sync/cpu-profile");
  const cpuProfile = await startCpuProfile(process.env.BENCH_CPU_PROFILE);
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  let peakRss = process.memoryUsage().rss;
  let lastDays = -1;
  const syncStarted = performance.now();
  const synced = await executeSyncRun(db, { organizationId: syncRun!.organizationId, runId: syncRun!.id }, {
    createClient: unlimitedClient,
    refreshUsers: false,
    ...(process.env.BENCH_COMMIT_ROWS ? { commitRows: Number(process.env.BENCH_COMMIT_ROWS) } : {}),
    onCommit: (report) => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      if (report.windowsDone !== lastDays && report.windowsDone % 5 === 0) {
        lastDays = report.windowsDone;
        const memory = process.memoryUsage();
        const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
        console.log(`  … ${report.callsSeen.toLocaleString("en-US")} calls, ${report.windowsDone}/${report.windowsTotal} days, RSS ${mb(memory.rss)} MB (heap ${mb(memory.heapUsed)}/${mb(memory.heapTotal)} MB, external ${mb(memory.external)} MB)`);
      }
    },
  });
  const syncMs = performance.now() - syncStarted;
  loopDelay.disable();
  await cpuProfile.stop();
  const idleDelay = await idleLoop.stop();
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  if (synced?.status !== "succeeded" || synced.callsAdded !== count) throw new Error(`sync ended ${synced?.status} with ${synced?.callsAdded} calls`);
  // The scores the sync queued are drained in the background; finish that first, so it does not run during the raw-limit measurements.
  const drainStarted = performance.now();
  await drainScoreQueue(db, organizationId);
  const drainMs = performance.now() - drainStarted;

  // 2. The raw limit: the same pages without storing, then the same rows with a bare INSERT.
  const fetchStarted = performance.now();
  const fetched = await fetchWithoutStoring(unlimitedClient(), range, 100);
  const fetchMs = performance.now() - fetchStarted;
  const inserted = await insertBare(db, (await databases.create("bare")).db, organizationId);
  const rawMs = fetchMs + inserted.ms;

  const perSecond = (n: number, ms: number) => Math.round((n * 1000) / ms);
  console.log(`\nRate limit off (${databases.engine})`);
  console.log(`  sync:                ${count.toLocaleString("en-US")} calls in ${(syncMs / 1000).toFixed(1)} s = ${perSecond(count, syncMs).toLocaleString("en-US")} calls/s (${synced.pages} pages)`);
  console.log(`  fetch only:          ${(fetchMs / 1000).toFixed(1)} s (${fetched.pages} pages, ${perSecond(fetched.calls, fetchMs).toLocaleString("en-US")} calls/s)`);
  console.log(`  bare insert, 1 tx:   ${(inserted.ms / 1000).toFixed(1)} s (${perSecond(inserted.rows, inserted.ms).toLocaleString("en-US")} rows/s)`);
  console.log(`  raw limit:           ${perSecond(count, rawMs).toLocaleString("en-US")} calls/s (fetch only + bare insert, ${databases.engine})`);
  console.log(`  sync / raw limit:    ${((rawMs / syncMs) * 100).toFixed(0)}% (target ≥ 50%)`);
  console.log(`  peak RSS:            ${(peakRss / 1024 / 1024).toFixed(0)} MB (target < 300 MB)`);
  console.log(`  score drain after:   ${(drainMs / 1000).toFixed(1)} s (scores left queued when the sync ended; not part of the sync rate)`);
  console.log(`  event-loop delay:    p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms, max ${(loopDelay.max / 1e6).toFixed(0)} ms during the sync (target p99 < 20 ms, max < 50 ms)`);
  console.log(`  idle process:        p99 ${idleDelay.p99.toFixed(0)} ms, max ${idleDelay.max.toFixed(0)} ms at the same time (the machine's noise floor; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`);

  // 3. Dialpad's limit on: the production client (shared 19.5/s limiter) re-reads the newest day.
  await emulator.admin("/rate-limit", { perSecond: 20 });
  const dayRange = { rangeStart: anchor - dayMs, rangeEnd: anchor };
  await emulator.admin(`/calls?count_only=true&started_after=${dayRange.rangeStart - 1}&started_before=${dayRange.rangeEnd}`);
  const before = await emulator.admin<{ rateLimited: number; requests: Record<string, number> }>("/stats");
  const limitedRun = await createSyncRun(db, organizationId, { kind: "resync", trigger: "admin", ...dayRange, now: anchor });
  let clientStats = { requests: 0, rateLimited: 0 };
  const limitedStarted = performance.now();
  const limited = await executeSyncRun(db, { organizationId: limitedRun!.organizationId, runId: limitedRun!.id }, {
    createClient: (database, id) => {
      const client = createDialpadClientForOrganization(database, id);
      const stats = client.stats;
      return { ...client, stats: () => (clientStats = stats()) };
    },
    refreshUsers: false,
  });
  const limitedMs = performance.now() - limitedStarted;
  const after = await emulator.admin<{ rateLimited: number; requests: Record<string, number> }>("/stats");
  const requests = (after.requests["GET /api/v2/call"] ?? 0) - (before.requests["GET /api/v2/call"] ?? 0);
  const rate = (requests * 1000) / limitedMs;
  console.log("\nRate limit on (emulator: 20 requests/s per company; Daymark's limiter: 19.5/s)");
  console.log(`  ${requests} requests in ${(limitedMs / 1000).toFixed(1)} s = ${rate.toFixed(2)} requests/s = ${((rate / 20) * 100).toFixed(1)}% of 20/s (target ≥ 95%)`);
  console.log(`  429 answers: ${after.rateLimited - before.rateLimited} at the emulator, ${clientStats.rateLimited} seen by the client (target 0); run ${limited?.status}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
