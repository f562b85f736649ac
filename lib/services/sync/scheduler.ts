import { getDb, type Db } from "@/db/client";
import { runSyncTick } from "./run-sync-tick";

// Dev HMR and a second register() call must not start a second timer.
const globalForScheduler = globalThis as unknown as { daymarkSyncScheduler?: { stop: () => void } };

/**
 * Starts the in-process scheduler (Node server deployments): a tick every `tickMs` that sweeps the
 * webhook inbox and starts due syncs. Returns false when it is already running in this process.
 */
export function startSyncScheduler(options: { db?: Db; tickMs?: number; firstTickMs?: number } = {}): boolean {
  if (globalForScheduler.daymarkSyncScheduler) return false;
  let isTicking = false;
  const tick = async () => {
    if (isTicking) return;
    isTicking = true;
    try {
      await runSyncTick(options.db ?? getDb());
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
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
      globalForScheduler.daymarkSyncScheduler = undefined;
    },
  };
  return true;
}

export function stopSyncScheduler(): void {
  globalForScheduler.daymarkSyncScheduler?.stop();
}
