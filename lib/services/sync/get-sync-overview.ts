import type { Db } from "@/db/client";
import { getDialpadConnection } from "@/db/queries/dialpad-connections";
import { getSyncSettings, listSyncRuns, type SyncSettings } from "@/db/queries/sync";
import type { SyncRun, SyncRunKind, SyncRunStatus, SyncRunTrigger } from "@/db/schema";
import { assertAdmin, type AdminContext } from "@/lib/services/dialpad-connection/context";
import { getLimitShare } from "./run-usage";
import { describeProgress, type SyncProgress } from "./windows";

export interface SyncRunView {
  id: number;
  kind: SyncRunKind;
  trigger: SyncRunTrigger;
  status: SyncRunStatus;
  rangeStart: number;
  rangeEnd: number;
  startedAt: number;
  finishedAt: number | null;
  pages: number;
  callsAdded: number;
  callsUpdated: number;
  quarantined: number;
  /** Requests sent to Dialpad, and the share of Dialpad's 20 requests/s they used while the run worked (null: too short to tell). */
  requestCount: number;
  limitShare: number | null;
  /** Failed requests that were tried again (a 503 that then succeeded is a retry, not an error). */
  retryCount: number;
  /** Times the run failed. */
  errorCount: number;
  errorMessage: string | null;
  progress: SyncProgress;
}

export interface SyncOverview {
  settings: SyncSettings;
  /** The run in progress, with live progress; null when idle. */
  activeRun: SyncRunView | null;
  recentRuns: SyncRunView[];
  /** Dialpad sends call events as they happen (webhook and subscription registered). */
  isRealtimeOn: boolean;
  /** The newest run's failure, with what to do next; null when it did not fail. */
  lastFailure: string | null;
  /** When this overview was read (the form's "today"). */
  readAt: number;
}

export async function getSyncOverview(db: Db, admin: AdminContext, options: { limit?: number } = {}): Promise<SyncOverview> {
  assertAdmin(admin);
  const [settings, runs, connection] = await Promise.all([
    getSyncSettings(db, admin.organizationId),
    listSyncRuns(db, admin.organizationId, options.limit ?? 20),
    getDialpadConnection(db, admin.organizationId),
  ]);
  const views = runs.map(toView);
  const latest = views[0];
  return {
    settings,
    activeRun: views.find((run) => run.status === "running") ?? null,
    recentRuns: views,
    isRealtimeOn: Boolean(connection?.status === "connected" && connection.webhookId && connection.subscriptionId),
    lastFailure: latest?.status === "failed" ? latest.errorMessage : null,
    readAt: Date.now(),
  };
}

function toView(run: SyncRun): SyncRunView {
  return {
    id: run.id, kind: run.kind, trigger: run.trigger, status: run.status, rangeStart: run.rangeStart, rangeEnd: run.rangeEnd,
    startedAt: run.startedAt, finishedAt: run.finishedAt, pages: run.pages, callsAdded: run.callsAdded,
    callsUpdated: run.callsUpdated, quarantined: run.quarantined, requestCount: run.requestCount, limitShare: getLimitShare(run),
    retryCount: run.retryCount, errorCount: run.errorCount, errorMessage: run.errorMessage,
    progress: describeProgress(run),
  };
}
