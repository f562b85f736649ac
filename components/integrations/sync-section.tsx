import type { SyncSettings } from "@/db/queries/sync";
import { getDb } from "@/db/client";
import { getDayKeyForInstant } from "@/lib/dates";
import type { FormAction } from "@/lib/action";
import type { AdminContext } from "@/lib/services/dialpad-connection/context";
import { getSyncOverview } from "@/lib/services/sync/get-sync-overview";
import { SyncNowButton } from "./sync-now-button";
import { SyncProgress } from "./sync-progress";
import { SyncResyncForm } from "./sync-resync-form";
import { SyncRunsTable } from "./sync-runs-table";
import { SyncSettingsForm } from "./sync-settings-form";

export interface SyncActions {
  syncNow: FormAction<{ message: string }>;
  resync: FormAction<{ message: string }>;
  saveSettings: FormAction<SyncSettings>;
}

/** Call sync on the Phone System card: live progress, failures with next steps, controls and history. */
export async function SyncSection(props: { admin: AdminContext; timeZone: string; isConnected: boolean; actions: SyncActions }) {
  const overview = await getSyncOverview(getDb(), props.admin);
  const { activeRun, settings } = overview;
  return (
    <section className="stack" aria-labelledby="call-sync-title" data-testid="call-sync">
      <h3 id="call-sync-title">Call sync</h3>
      {activeRun ? <SyncProgress kind={activeRun.kind} progress={activeRun.progress} /> : null}
      {overview.lastFailure && !activeRun ? (
        <div className="alert alert--error" role="alert" data-testid="sync-failure">
          The last sync failed: {overview.lastFailure}
        </div>
      ) : null}
      {props.isConnected ? (
        <p className="muted">
          {overview.isRealtimeOn
            ? `Dialpad sends call events as they happen; Daymark also checks every ${settings.intervalMinutes} minutes.`
            : `Real-time call events are not set up yet (Daymark retries before each sync). Calls still arrive every ${settings.intervalMinutes} minutes.`}
        </p>
      ) : null}
      {props.isConnected ? <SyncNowButton action={props.actions.syncNow} /> : null}
      {props.isConnected ? (
        <details>
          <summary>Re-sync a date range</summary>
          <SyncResyncForm action={props.actions.resync} today={getDayKeyForInstant(overview.readAt, props.timeZone)} />
        </details>
      ) : null}
      <details>
        <summary>Sync settings</summary>
        <SyncSettingsForm action={props.actions.saveSettings} settings={settings} />
      </details>
      <h4>Recent syncs</h4>
      <SyncRunsTable runs={overview.recentRuns} timeZone={props.timeZone} />
    </section>
  );
}
