// Runs queued score work until the organization's queue has nothing left to claim. Every hook ends here.
import type { Db } from "@/db/client";
import { getOrganizationById } from "@/db/queries/organizations";
import { getNextQueueAttemptAt } from "@/db/queries/score-queue-status";
import type { QueueRow } from "@/db/queries/score-queue";
import type { Organization } from "@/db/schema";
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
 * other rows; queue rows are deleted only after their work committed, so a crash merely redoes
 * idempotent work. Work that fails is tried again later (see runClaimed), never dropped.
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
      while (drain.isRequested) {
        drain.isRequested = false;
        await drainPass(db, organizationId);
      }
      const now = Date.now();
      const retryAt = await getNextQueueAttemptAt(db, organizationId, now);
      if (retryAt !== null) scheduleRetryDrain(db, organizationId, retryAt, now);
    } finally {
      organizations.delete(organizationId);
    }
  })();
  byOrganization.set(organizationId, drain);
  return drain.promise;
}

async function drainPass(db: Db, organizationId: number): Promise<void> {
  for (;;) {
    const organization = await getOrganizationById(db, organizationId);
    if (!organization) {
      // Its rows outlive it (the queue has no foreign keys): nothing to score.
      for (const phase of ["facts", "role"] as const) await runClaimed(db, organizationId, phase, async () => {});
      return;
    }
    const facts = await runClaimed(db, organizationId, "facts", (rows, claimed) => recomputeFacts(db, organization, rows, claimed));
    const roles = await runClaimed(db, organizationId, "role", (rows, claimed) => rescoreQueuedRoles(db, organization, rows, claimed));
    if (facts === 0 && roles === 0) return;
  }
}

/** One unit per role: every stored day when a row asks for all, else the union of its rows' ranges. */
async function rescoreQueuedRoles(db: Db, organization: Organization, rows: readonly QueueRow[], claimed: ClaimedWork): Promise<void> {
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
    await claimed.runUnit(roleRows, role, () => rescoreRole(db, organization.id, role, isEverything ? "all" : mergeRanges(ranges), now));
    await claimed.keepClaim();
  }
  await yieldToEventLoop();
}
