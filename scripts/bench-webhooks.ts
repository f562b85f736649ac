import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { BenchDatabases } from "./bench-sync/databases";
import type { IntakeFigures } from "./bench-webhooks/fire";
import { deploymentSecrets } from "./load-test/deployment";

// `npm run bench:webhooks` (issue 17): Dialpad call events, HS256-signed as Dialpad signs them, posted on
// loopback by 50 concurrent senders to the real webhook route served in its own process (`next start` from
// a snapshot of the current build; `--server route`: the route handler behind a bare node:http server;
// `--server listener`: the dedicated intake DAYMARK_WEBHOOK_PORT starts; `--server next-listener`: that
// intake inside `next start`, as `npm start` runs it), on each engine. Prints events/s
// accepted, acknowledgement latency, lost and duplicated events
// and how long the background processing took to catch up after the last acknowledgement.
// Goal: ≥ 2,000 events/s, p99 < 50 ms, 0 lost, 0 duplicated, caught up within 10 s.

const { values: flags } = parseArgs({
  options: {
    engine: { type: "string", default: "both" },
    server: { type: "string", default: "next" },
    events: { type: "string", default: "20000" },
    senders: { type: "string", default: "50" },
    postgres: { type: "string", default: process.env.DAYMARK_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres" },
  },
});
const engines = flags.engine === "both" ? (["sqlite", "postgres"] as const) : [flags.engine as "sqlite" | "postgres"];
if (!engines.every((engine) => engine === "sqlite" || engine === "postgres")) throw new Error("--engine is sqlite, postgres or both");
const serverKinds = {
  next: "next start",
  "next-listener": "next start with DAYMARK_WEBHOOK_PORT, posted to that port",
  route: "route handler on node:http",
  listener: "the dedicated listener (DAYMARK_WEBHOOK_PORT) alone",
} as const;
if (!(flags.server in serverKinds)) throw new Error("--server is next, next-listener, route or listener");
const serverKind = flags.server as keyof typeof serverKinds;

const secrets = deploymentSecrets();
Object.assign(process.env, secrets);

async function main(): Promise<void> {
  const results: { engine: string; figures: IntakeFigures }[] = [];
  for (const engine of engines) results.push({ engine, figures: await runEngine(engine) });
  console.log(`\nWebhook intake: ${flags.events} events, ${flags.senders} concurrent senders, server: ${serverKinds[serverKind]}`);
  const { formatFigures } = await import("./bench-webhooks/fire");
  for (const { engine, figures } of results) console.log(formatFigures(engine, figures));
}

async function runEngine(engine: "sqlite" | "postgres"): Promise<IntakeFigures> {
  const { openBenchDatabases } = await import("./bench-sync/databases");
  const databases: BenchDatabases = openBenchDatabases(engine === "postgres" ? flags.postgres : undefined);
  const { startServer } = await import("./bench-webhooks/setup");
  const { storeWebhookConnection } = await import("@/lib/services/sync/testing/webhook-harness");
  const { fireEvents } = await import("./bench-webhooks/fire");
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "daymark-bench-webhooks-"));
  const { db, organizationId, url } = await databases.create("webhooks");
  const hook = await storeWebhookConnection(db, organizationId);
  const server = await startServer(serverKind, { ...process.env, ...secrets, DATABASE_URL: url, NODE_ENV: "production" }, logDir);
  console.log(`${engine}: ${databases.where}; server log in ${logDir}`);
  try {
    return await fireEvents(db, organizationId, {
      url: `${server.url}/api/webhooks/dialpad?org=${hook.token}`,
      secret: hook.secret,
      events: Number(flags.events),
      senders: Number(flags.senders),
      serverCpuSeconds: server.cpuSeconds,
    });
  } finally {
    await server.stop();
    await databases.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
