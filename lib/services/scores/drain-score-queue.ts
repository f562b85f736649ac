// Runs queued score work until the organization's queue has nothing left to claim. Every hook ends here.
import type { Db } from "@/db/client";
import { getNextQueueAttemptAt } from "@/db/queries/score-queue-status";
import { getQueueOutlook, type QueueRow } from "@/db/queries/score-queue";
import { mergeRanges, type RoleDayRange } from "./day-rows";
import { recomputeFacts } from "./recompute-facts";
import { rescoreRole } from "./rescore-role";
import { runClaimed, type ClaimedWork } from "./run-claimed";
import { yieldToEventLoop } from "./run-logged";
import { scheduleRetryDrain } from "./schedule-retry-drain";

type Drain = { promise: Promise<void>; isRequested: boolean };
const drains = new WeakMap<Db, Map<number, Drain>>();

/**
 * Drains the queue: facts first ("calls" and "employee" rows), then the role rescoring they
 * queued. One drain per organization and database handle at a time; a call during a drain asks it
 * to look again and shares its promise. Drains in other processes (or on other handles) claim
 * other rows; queue rows are deleted in the transaction that commits their work, so a crash merely
 * redoes idempotent work. Work that fails is tried again later (see runClaimed), never dropped.
 */
export function drainScoreQueue(db: Db, organizationId: number): Promise<void> {
  let byOrganization = drains.get(db);
  if (!byOrganization) {
    byOrganization = new Map();
    drains.set(db, byOrganization);
  }
  const running = byOrganization.get(organizationId);
  if (running) {
    running.isRequested = true;
    return running.promise;
  }
  const drain: Drain = { promise: Promise.resolve(), isRequested: true };
  const organizations = byOrganization;
  drain.promise = (async () => {
    try {
      let outlook: QueueOutlook | null = null;
      while (drain.isRequested) {
        drain.isRequested = false;
        outlook = await drainPass(db, organizationId);
      }
      const now = outlook?.now ?? Date.now();
      const retryAt = outlook ? outlook.nextAttemptAt : await getNextQueueAttemptAt(db, organizationId, now);
      if (retryAt !== null) scheduleRetryDrain(db, organizationId, retryAt, now);
    } finally {
      organizations.delete(organizationId);
    }
  })();
  byOrganization.set(organizationId, drain);
  return drain.promise;
}

type QueueOutlook = { now: number; nextAttemptAt: number | null };

/**
 * Runs both phases until nothing is claimable. The organization is read inside each unit's
 * transaction (a deleted one's rows, which outlive it, just settle). After a pass that claimed rows
 * one statement tells whether more came meanwhile and when a retry is due; null: it claimed none.
 */
async function drainPass(db: Db, organizationId: number): Promise<QueueOutlook | null> {
  for (;;) {
    const facts = await runClaimed(db, organizationId, "facts", (rows, claimed) => recomputeFacts(db, organizationId, rows, claimed));
    const roles = await runClaimed(db, organizationId, "role", (rows, claimed) => rescoreQueuedRoles(db, organizationId, rows, claimed));
    if (facts === 0 && roles === 0) return null;
    const now = Date.now();
    const { isClaimable, nextAttemptAt } = await getQueueOutlook(db, organizationId, now);
    if (!isClaimable) return { now, nextAttemptAt };
  }
}

/** One unit per role: every stored day when a row asks for all, else the union of its rows' ranges. */
async function rescoreQueuedRoles(db: Db, organizationId: number, rows: readonly QueueRow[], claimed: ClaimedWork): Promise<void> {
  const rowsByRole = new Map<string, QueueRow[]>();
  for (const row of rows) {
    if (row.kind !== "role" || row.role === null) continue;
    rowsByRole.set(row.role, [...(rowsByRole.get(row.role) ?? []), row]);
  }
  const now = Date.now();
  for (const [role, roleRows] of rowsByRole) {
    const ranges: RoleDayRange[] = [];
    for (const row of roleRows) if (row.fromDay !== null && row.toDay !== null) ranges.push({ role, fromDay: row.fromDay, toDay: row.toDay });
    const isEverything = ranges.length < roleRows.length;
    const roleRanges = isEverything ? "all" : mergeRanges(ranges);
    await claimed.runUnit(roleRows, role, (settle) => rescoreRole(db, organizationId, role, roleRanges, now, settle));
    await claimed.keepClaim();
  }
  await yieldToEventLoop();
}
