import { loadEnvConfig } from "@next/env";
import { closeDatabase, getDb } from "@/db/client";
import { isQueueBacked } from "@/lib/jobs/definitions";
import { startJobWorker } from "@/lib/jobs/worker";
import { startSyncScheduler, stopSyncScheduler } from "@/lib/services/sync/scheduler";

// `npm run worker`: works the PostgreSQL job queues (syncs, webhook inboxes, score drains, ticks) until
// SIGTERM or SIGINT, then stops taking jobs and gives running ones 30 s to finish; pg-boss retries
// the rest on another worker. Any number may run next to the web processes.
loadEnvConfig(process.cwd());

async function main(): Promise<void> {
  const db = getDb();
  if (!isQueueBacked(db)) {
    console.error("npm run worker needs a PostgreSQL DATABASE_URL: on SQLite, `npm start` runs background work in its own process.");
    process.exitCode = 1;
    await closeDatabase(db);
    return;
  }
  await startJobWorker(db);
  startSyncScheduler({ db, firstTickMs: 1_000 });
  console.log(`[worker] working jobs (pid ${process.pid})`);
  await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGTERM", resolve);
    process.once("SIGINT", resolve);
  });
  console.log("[worker] stopping: running jobs get 30 s to finish");
  await stopSyncScheduler();
  await closeDatabase(db);
  console.log("[worker] stopped");
}

main().catch((error: unknown) => {
  console.error(`[worker] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
