import { getDb, type Db } from "@/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { startJobWorker, stopJobWorker } from "@/lib/jobs/worker";

// Dev HMR and a second register() call must not start a second timer.
const globalForScheduler = globalThis as unknown as { daymarkSyncScheduler?: { stop: () => Promise<void> } };

/**
 * Starts the scheduler of a long-running process (a Node server, `npm run worker`): every `tickMs` a
 * "sync-tick" job sweeps the webhook inbox and starts due syncs. On SQLite the tick runs here; on
 * PostgreSQL this process also works the job queues, and ticks from many processes collapse into
 * one queued tick. Returns false when it is already running in this process.
 */
export function startSyncScheduler(options: { db?: Db; tickMs?: number; firstTickMs?: number } = {}): boolean {
  if (globalForScheduler.daymarkSyncScheduler) return false;
  let isTicking = false;
  let db: Db | undefined;
  const tick = async () => {
    if (isTicking) return;
    isTicking = true;
    try {
      db ??= options.db ?? getDb();
      await startJobWorker(db);
      await enqueueJob(db, "sync-tick", {});
    } catch (error) {
      console.error(`[sync] scheduler tick failed: ${error instanceof Error ? `${error.name || "Error"}: ${error.message}` : typeof error}`);
    } finally {
      isTicking = false;
    }
  };
  // Soon after start: resume runs a previous process left behind.
  const first = setTimeout(() => void tick(), options.firstTickMs ?? 5_000);
  const timer = setInterval(() => void tick(), options.tickMs ?? 30_000);
  first.unref();
  timer.unref();
  globalForScheduler.daymarkSyncScheduler = {
    stop: async () => {
      clearTimeout(first);
      clearInterval(timer);
      globalForScheduler.daymarkSyncScheduler = undefined;
      if (db) await stopJobWorker(db);
    },
  };
  return true;
}

/** Stops the timer and, on PostgreSQL, this process's job worker (running jobs get time to finish). */
export async function stopSyncScheduler(): Promise<void> {
  await globalForScheduler.daymarkSyncScheduler?.stop();
}
