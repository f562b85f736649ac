import type { Db } from "@/db/client";
import { insertWebhookEvents, type NewWebhookEvent } from "@/db/queries/webhook-inbox";

// Group commit for the webhook intake: deliveries arriving while a write is in flight are written
// together by the next one, so a burst costs a few transactions instead of one per event. Each caller
// learns the outcome only once its row is committed: a 200 never acknowledges an event not yet stored.

interface Waiting {
  event: NewWebhookEvent;
  resolve(isNew: boolean): void;
  reject(error: unknown): void;
}

interface Writer {
  waiting: Waiting[];
  isWriting: boolean;
}

const maxEventsPerWrite = 500;
const writers = new WeakMap<Db, Writer>();

/** Stores the event in the inbox; true when it is new, false for a duplicate delivery. Rejects when the write fails. */
export function storeWebhookEvent(db: Db, event: NewWebhookEvent): Promise<boolean> {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = { waiting: [], isWriting: false }));
  const stored = new Promise<boolean>((resolve, reject) => writer.waiting.push({ event, resolve, reject }));
  if (!writer.isWriting) {
    writer.isWriting = true;
    // One turn of the event loop lets the deliveries parsed in the same turn join the first write.
    setImmediate(() => void writeAll(db, writer));
  }
  return stored;
}

async function writeAll(db: Db, writer: Writer): Promise<void> {
  try {
    while (writer.waiting.length > 0) {
      const batch = writer.waiting.splice(0, maxEventsPerWrite);
      try {
        const created = await insertWebhookEvents(db, batch.map((waiting) => waiting.event));
        batch.forEach((waiting, index) => waiting.resolve(created.has(index)));
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
    }
  } finally {
    writer.isWriting = false;
  }
}
