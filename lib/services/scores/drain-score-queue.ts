// Runs queued score work until the organization's queue has nothing left to claim. Every hook ends here.
import type { Db } from "@/db/client";
import { getOrganizationById } from "@/db/queries/organizations";
import {
  claimQueueRows,
  deleteQueueRows,
  extendQueueClaims,
  releaseQueueClaims,
  scoreQueueLeaseMs,
  type QueuePhase,
  type QueueRow,
} from "@/db/queries/score-queue";
import type { Organization } from "@/db/schema";
import { mergeRanges, type RoleDayRange } from "./day-rows";
import { recomputeFacts } from "./recompute-facts";
import { rescoreRole } from "./rescore-role";
import { runLogged, yieldToEventLoop } from "./run-logged";

type Drain = { promise: Promise<void>; isRequested: boolean };
const drains = new WeakMap<Db, Map<number, Drain>>();

/**
 * Drains the queue: facts first ("calls" and "employee" rows), then the role rescoring they
 * queued. One drain per organization and database handle at a time; a call during a drain asks it
 * to look again and shares its promise. Drains in other processes (or on other handles) claim
 * other rows; queue rows are deleted only after their work committed, so a crash or a failure
 * merely redoes idempotent work.
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
    const facts = await runClaimed(db, organizationId, "facts", (rows, keepClaim) => recomputeFacts(db, organization, rows, keepClaim));
    const roles = await runClaimed(db, organizationId, "role", (rows, keepClaim) => rescoreQueuedRoles(db, organization, rows, keepClaim));
    if (facts === 0 && roles === 0) return;
  }
}

/**
 * Claims the phase's rows, runs their work (which calls keepClaim between units to renew the
 * lease), then deletes exactly those rows. On a failure the rows are given back for the next
 * drain and the error goes up. Returns how many rows it claimed.
 */
async function runClaimed(
  db: Db,
  organizationId: number,
  phase: QueuePhase,
  work: (rows: QueueRow[], keepClaim: () => Promise<void>) => Promise<void>,
): Promise<number> {
  const claimedAt = Date.now();
  const rows = await claimQueueRows(db, organizationId, phase, { now: claimedAt });
  if (rows.length === 0) return 0;
  const ids = rows.map((row) => row.id);
  let until = claimedAt + scoreQueueLeaseMs;
  const keepClaim = async () => {
    const now = Date.now();
    if (until - now > scoreQueueLeaseMs / 2) return;
    until = now + scoreQueueLeaseMs;
    await extendQueueClaims(db, organizationId, ids, until);
  };
  try {
    await work(rows, keepClaim);
  } catch (error) {
    await releaseQueueClaims(db, organizationId, ids, Date.now()).catch(() => {});
    throw error;
  }
  await deleteQueueRows(db, organizationId, ids);
  return rows.length;
}

async function rescoreQueuedRoles(
  db: Db,
  organization: Organization,
  rows: readonly QueueRow[],
  keepClaim: () => Promise<void>,
): Promise<void> {
  const everything = new Set<string>();
  const ranges: RoleDayRange[] = [];
  for (const row of rows) {
    if (row.kind !== "role" || row.role === null) continue;
    if (row.fromDay === null || row.toDay === null) everything.add(row.role);
    else ranges.push({ role: row.role, fromDay: row.fromDay, toDay: row.toDay });
  }
  const now = Date.now();
  for (const role of everything) {
    await runLogged(role, () => rescoreRole(db, organization.id, role, "all", now));
    await keepClaim();
  }
  for (const range of mergeRanges(ranges.filter((r) => !everything.has(r.role)))) {
    await runLogged(range.role, () => rescoreRole(db, organization.id, range.role, [range], now));
    await keepClaim();
  }
  await yieldToEventLoop();
}
