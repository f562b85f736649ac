import type { Db } from "@/db/client";
import { nextWriteStamp, type IncomingLeg, type RejectedRecord } from "@/db/queries/calls";
import { claimAndApplyWebhookEvents } from "@/db/queries/webhook-inbox";
import { parseCallItems } from "@/lib/integrations/dialpad/schema";
import { toStoredRejectedRecord } from "@/lib/integrations/dialpad/stored-payload";
import { getStoragePolicy, toStoredLeg, type StoragePolicy } from "@/lib/services/privacy/storage-policy";
import { toCallLeg } from "@/lib/integrations/dialpad/transform";
import { notifyCallsChanged } from "./notify-calls-changed";

export interface InboxResult {
  events: number;
  added: number;
  updated: number;
  quarantined: number;
}

// One processing loop per organization and process; a request arriving meanwhile asks it to look again.
type Loop = { again: boolean; done: Promise<InboxResult> };
const activeByDb = new WeakMap<Db, Map<number, Loop>>();
const gatherMs = 100;

/**
 * Applies the organization's unprocessed webhook events through the same upsert as polling, in
 * chunks of one short transaction each. Runs after each 200 and from the sweeper.
 */
export function processWebhookInbox(db: Db, organizationId: number, options: { batchSize?: number } = {}): Promise<InboxResult> {
  const active = activeByDb.get(db) ?? new Map<number, Loop>();
  activeByDb.set(db, active);
  const running = active.get(organizationId);
  if (running) {
    running.again = true;
    return running.done;
  }
  const entry: Loop = { again: false, done: Promise.resolve<InboxResult>({ events: 0, added: 0, updated: 0, quarantined: 0 }) };
  entry.done = drain(db, organizationId, options.batchSize ?? 500, entry).finally(() => active.delete(organizationId));
  active.set(organizationId, entry);
  return entry.done;
}

async function drain(db: Db, organizationId: number, batchSize: number, entry: { again: boolean }): Promise<InboxResult> {
  const total: InboxResult = { events: 0, added: 0, updated: 0, quarantined: 0 };
  for (let batches = 0; ; batches++) {
    // During a burst every delivery asks for a drain: a short pause lets events gather into one
    // transaction instead of one each (the intake's own writes go first meanwhile). Each batch costs
    // 3–8 ms whatever its size, so 100 ms gathers about 100 events a batch at 1,000 events/s.
    if (entry.again && batches > 0) await new Promise((resolve) => setTimeout(resolve, gatherMs));
    entry.again = false;
    // Claimed inside the transaction that applies them: another process draining the same inbox gets other rows.
    const policy = await getStoragePolicy(db, organizationId);
    const batch = await claimAndApplyWebhookEvents(db, { organizationId, limit: batchSize, now: nextWriteStamp(), toBatch: (rows) => toBatch(rows, policy) });
    if (batch.events === 0) {
      if (entry.again) continue;
      return total;
    }
    total.events += batch.events;
    total.added += batch.added;
    total.updated += batch.updated;
    total.quarantined += batch.quarantined;
    if (batch.added + batch.updated > 0) await notifyCallsChanged(db, organizationId);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function toBatch(rows: { payload: string }[], policy: StoragePolicy): { legs: IncomingLeg[]; rejected: RejectedRecord[] } {
  const legs: IncomingLeg[] = [];
  const rejected: RejectedRecord[] = [];
  for (const row of rows) {
    const raw = parsePayload(row.payload);
    const { calls, rejected: bad } = parseCallItems([raw]);
    const stored = calls[0] ? toStoredLeg(policy, toCallLeg(calls[0]), raw) : null;
    if (stored) legs.push(stored);
    rejected.push(...bad.map(toStoredRejectedRecord));
  }
  return { legs, rejected };
}

function parsePayload(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return payload;
  }
}
