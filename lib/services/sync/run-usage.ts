import type { SyncRun } from "@/db/schema";
import type { DialpadClientStats } from "@/lib/integrations/dialpad/http";

/** Dialpad's limit per company ("20 requests/second per company overall"), shared with all its other integrations. */
export const dialpadRequestsPerSecond = 20;

export interface RunUsage {
  requestCount: number;
  retryCount: number;
  busyMs: number;
}

type UsageSoFar = Pick<SyncRun, "requestCount" | "retryCount" | "busyMs" | "activeSince">;

/**
 * The run's totals: what earlier attempts recorded plus this process's since it claimed the run
 * (activeSince). Retries are the client's repeats of a failed request plus whole-page repeats.
 */
export function measureRunUsage(run: UsageSoFar, stats: Pick<DialpadClientStats, "requests" | "retries">, tally: { pageRetries: number }, now: number): RunUsage {
  return {
    requestCount: run.requestCount + stats.requests,
    retryCount: run.retryCount + stats.retries + tally.pageRetries,
    busyMs: run.busyMs + Math.max(0, now - run.activeSince),
  };
}

/**
 * The share of Dialpad's request budget the run used while it ran: requests ÷ (20/s × seconds),
 * e.g. 0.25 for 300 requests in 60 s; null before it has run for a measurable time.
 */
export function getLimitShare(usage: Pick<RunUsage, "requestCount" | "busyMs">): number | null {
  if (usage.busyMs < 1_000) return null;
  return usage.requestCount / ((dialpadRequestsPerSecond * usage.busyMs) / 1_000);
}
