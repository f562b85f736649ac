// Failed score work waits for its next try, and nothing else may ask for a drain by then (a settings
// change is a one-off), so a drain that leaves such rows asks for another when the first is due.
// Readers (scheduleScoreDrainIfQueued) pick them up too if this process is gone by then.
import type { Db } from "@/db/client";
import { scheduleScoreDrain } from "./schedule-score-drain";

const timers = new WeakMap<Db, Map<number, { at: number; timer: NodeJS.Timeout }>>();

/** Asks for a drain of the organization's queue at `at` (a due try is claimable by then); an earlier request stands. */
export function scheduleRetryDrain(db: Db, organizationId: number, at: number, now: number = Date.now()): void {
  if (at <= now) return; // the running drain claims it on its next pass
  let byOrganization = timers.get(db);
  if (!byOrganization) {
    byOrganization = new Map();
    timers.set(db, byOrganization);
  }
  const current = byOrganization.get(organizationId);
  if (current && current.at <= at) return;
  if (current) clearTimeout(current.timer);
  const organizations = byOrganization;
  const timer = setTimeout(() => {
    organizations.delete(organizationId);
    scheduleScoreDrain(db, organizationId);
  }, at - now);
  timer.unref();
  byOrganization.set(organizationId, { at, timer });
}
