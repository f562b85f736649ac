import type { SyncRunStatus } from "@/db/schema";

/** What the Sync now button needs to know about the run it started, read from the history. */
export type RunOutcome = { id: number; status: SyncRunStatus; callsAdded: number };

/** The started message ("Sync started.") while it runs, then "Sync finished · 12 new calls" (or a pointer to the failure above). */
export function describeRunOutcome(started: { runId: number; message: string }, runs: RunOutcome[]): string {
  const run = runs.find((r) => r.id === started.runId);
  if (!run || run.status === "running") return started.message;
  if (run.status === "failed") return "The sync failed; see why above.";
  return `Sync finished · ${run.callsAdded.toLocaleString("en-US")} new ${run.callsAdded === 1 ? "call" : "calls"}`;
}
