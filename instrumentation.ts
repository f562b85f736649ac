// Next.js calls register() once per server start. On a Node server it starts the in-process sync
// scheduler, unless DAYMARK_DISABLE_SCHEDULER=1 (Vercel, where Cron calls /api/cron/sync instead).
export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next.js itself, not configuration; the edge runtime has no SQLite.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("./lib/env");
  if (getEnv().DAYMARK_DISABLE_SCHEDULER === "1") return;
  const { startSyncScheduler } = await import("./lib/services/sync/scheduler");
  startSyncScheduler();
}
