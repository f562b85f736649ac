// Next.js calls register() once per server start. On a Node server it starts the in-process sync
// scheduler, unless DAYMARK_DISABLE_SCHEDULER=1 (Vercel, where Cron calls /api/cron/sync instead).
export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next.js itself, not configuration; the edge runtime has no database driver.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Sign-in throttling keys on the client address, which only the socket knows (lib/client-address.ts).
  const { recordSocketAddresses } = await import("./lib/record-socket-addresses");
  recordSocketAddresses();
  const { getEnv } = await import("./lib/env");
  const { DatabaseUrlError, parseDatabaseUrl } = await import("./db/engine");
  try {
    parseDatabaseUrl(getEnv().DATABASE_URL);
  } catch (error) {
    // Say so once and keep serving: /api/health answers 503 instead of the process crash-looping.
    if (!(error instanceof DatabaseUrlError)) throw error;
    console.error(`[daymark] ${error.message}`);
    return;
  }
  // The optional dedicated webhook intake; Vercel routes every path through its functions instead.
  const { DAYMARK_WEBHOOK_PORT: webhookPort, VERCEL: isVercel } = getEnv();
  if (webhookPort !== undefined && !isVercel) {
    const { startWebhookListener } = await import("./app/api/webhooks/dialpad/listener");
    // A taken port is said once; the app, and the webhook route inside it, keep serving.
    await startWebhookListener(webhookPort).catch((error: unknown) =>
      console.error(`[daymark] no webhook listener on port ${webhookPort}: ${error instanceof Error ? error.message : typeof error}`),
    );
  }
  // Vercel (or DAYMARK_DISABLE_SCHEDULER=1): no timers and no job worker; Cron calls /api/cron/sync.
  const { isJobWorkerProcess } = await import("./lib/jobs/worker");
  if (!isJobWorkerProcess()) return;
  const { startSyncScheduler } = await import("./lib/services/sync/scheduler");
  startSyncScheduler();
}
