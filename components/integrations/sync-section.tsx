import type { SyncSettings } from "@/db/queries/sync";
import { getDb } from "@/db/client";
import { getDayKeyForInstant } from "@/lib/dates";
import type { FormAction } from "@/lib/action";
import type { AdminContext } from "@/lib/services/dialpad-connection/context";
import { getSyncOverview } from "@/lib/services/sync/get-sync-overview";
import { Disclosure } from "@/components/ui/disclosure";
import { SyncNowButton } from "./sync-now-button";
import { SyncProgress } from "./sync-progress";
import { SyncResyncForm } from "./sync-resync-form";
import { SyncRunsTable } from "./sync-runs-table";
import { SyncSettingsForm } from "./sync-settings-form";

export interface SyncActions {
  syncNow: FormAction<{ message: string; runId: number }>;
  resync: FormAction<{ message: string }>;
  saveSettings: FormAction<SyncSettings>;
}

type SyncSectionProps = { admin: AdminContext; timeZone: string; dayStartHour: number; isConnected: boolean; actions: SyncActions };

/** The Sync card (live progress, failures with next steps, controls) and the History card below it. */
export async function SyncSection(props: SyncSectionProps) {
  const overview = await getSyncOverview(getDb(), props.admin);
  const { activeRun, settings } = overview;
  const outcomes = overview.recentRuns.map(({ id, status, callsAdded }) => ({ id, status, callsAdded }));
  return (
    <>
      <section className="card stack" aria-labelledby="call-sync-title" data-testid="call-sync">
        <h2 id="call-sync-title">Call sync</h2>
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
        {props.isConnected ? <SyncNowButton action={props.actions.syncNow} runs={outcomes} /> : null}
        {props.isConnected ? (
          <Disclosure summary="Re-sync a date range">
            <SyncResyncForm action={props.actions.resync} today={getDayKeyForInstant(overview.readAt, props.timeZone)} />
          </Disclosure>
        ) : null}
        <Disclosure summary="Sync settings">
          <SyncSettingsForm action={props.actions.saveSettings} settings={settings} />
        </Disclosure>
      </section>
      <section className="card stack" aria-labelledby="sync-history-title">
        <h2 id="sync-history-title">Sync history</h2>
        <SyncRunsTable runs={overview.recentRuns} timeZone={props.timeZone} dayStartHour={props.dayStartHour} />
      </section>
    </>
  );
}
