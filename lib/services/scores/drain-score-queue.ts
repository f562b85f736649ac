// Runs queued score work until the organization's queue is empty. Every hook ends here.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deleteQueueRows, getMaxQueueId, claimQueueRows, type QueueRow } from "@/db/queries/score-queue";
import { listScoreSettings } from "@/db/queries/scores";
import { organizations, type Organization } from "@/db/schema";
import { recomputeFacts } from "./recompute-facts";
import { rescoreRole } from "./rescore-role";
import { runLogged, yieldToEventLoop } from "./run-logged";
import { mergeRanges, type RoleDayRange } from "./day-rows";
import { resolveRoleSettings } from "./scoring-context";

type Drain = { promise: Promise<void>; isRequested: boolean };
const drains = new WeakMap<object, Map<number, Drain>>();

/**
 * Drains the queue: facts first ("calls" and "employee" rows), then the role rescoring they
 * queued. One drain per organization and connection at a time; a call during a drain asks it to
 * look again and shares its promise. Queue rows are deleted only after their work committed, so
 * a crash or a concurrent process merely redoes idempotent work.
 */
export function drainScoreQueue(db: Db, organizationId: number): Promise<void> {
  let byOrganization = drains.get(db.$client);
  if (!byOrganization) {
    byOrganization = new Map();
    drains.set(db.$client, byOrganization);
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
  for (let maxId = getMaxQueueId(db, organizationId); maxId !== null; maxId = getMaxQueueId(db, organizationId)) {
    const organization = db.select().from(organizations).where(eq(organizations.id, organizationId)).get();
    if (!organization) {
      deleteQueueRows(db, organizationId, maxId, "facts");
      deleteQueueRows(db, organizationId, maxId, "role");
      return;
    }
    await recomputeFacts(db, organization, claimQueueRows(db, organizationId, maxId));
    deleteQueueRows(db, organizationId, maxId, "facts");
    const roleMaxId = getMaxQueueId(db, organizationId);
    if (roleMaxId === null) return;
    await rescoreQueuedRoles(db, organization, claimQueueRows(db, organizationId, roleMaxId));
    deleteQueueRows(db, organizationId, roleMaxId, "role");
  }
}

async function rescoreQueuedRoles(db: Db, organization: Organization, rows: readonly QueueRow[]): Promise<void> {
  const everything = new Set<string>();
  const ranges: RoleDayRange[] = [];
  for (const row of rows) {
    if (row.kind !== "role" || row.role === null) continue;
    if (row.fromDay === null || row.toDay === null) everything.add(row.role);
    else ranges.push({ role: row.role, fromDay: row.fromDay, toDay: row.toDay });
  }
  const settingsRows = await listScoreSettings(db, organization.id);
  const now = Date.now();
  for (const role of everything) await runLogged(role, () => rescoreRole(db, organization, resolveRoleSettings(settingsRows, role), "all", now));
  for (const range of mergeRanges(ranges.filter((r) => !everything.has(r.role)))) {
    await runLogged(range.role, () => rescoreRole(db, organization, resolveRoleSettings(settingsRows, range.role), [range], now));
  }
  await yieldToEventLoop();
}
