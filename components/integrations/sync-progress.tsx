"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { SyncRunKind } from "@/db/schema";
import type { SyncProgress as Progress } from "@/lib/services/sync/windows";

const kindLabels: Record<SyncRunKind, string> = { backfill: "Backfill", incremental: "Sync", resync: "Re-sync" };
const refreshMs = 3_000;

/** The live bar for the run in progress; re-reads the page every few seconds until the run ends. */
export function SyncProgress({ kind, progress }: { kind: SyncRunKind; progress: Progress }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), refreshMs);
    return () => clearInterval(timer);
  }, [router]);
  const label = `${kindLabels[kind]} in progress: ${progress.daysCovered} of ${progress.daysTotal} days covered`;
  const percent = progress.daysTotal > 0 ? Math.floor((progress.daysCovered * 100) / progress.daysTotal) : 0;
  return (
    <div className="stack" role="status" data-testid="sync-progress">
      <label htmlFor="sync-progress-bar">{label}</label>
      <progress id="sync-progress-bar" className="progress" max={Math.max(1, progress.daysTotal)} value={progress.daysCovered}>
        {progress.daysCovered} of {progress.daysTotal} days
      </progress>
      <p className="muted">
        {percent}% · {progress.callsSoFar.toLocaleString("en-US")} calls so far
        {progress.callsPerSecond !== null ? ` · ${progress.callsPerSecond.toLocaleString("en-US")} calls/second` : ""}
      </p>
    </div>
  );
}
