// SQLite's runner: one host, so a job runs in this process, after the caller returns, as before
// there was a queue. Nothing survives a restart here; the scheduler's tick finds unfinished work again.
import type { Db } from "@/db/client";
import { scoreDrainTiming, singletonKeyOf, type JobName, type JobPayload } from "./definitions";
import { loadJobHandlers } from "./load-handlers";

type Pending = { timer: NodeJS.Timeout; firstAt: number };
const pendingByDb = new WeakMap<Db, Map<string, Pending>>();

const ticking = new WeakSet<Db>();

export function runJobInProcess<N extends JobName>(db: Db, name: N, payload: JobPayload<N>): void {
  if (name === "score-drain") coalesce(db, `${name}/${singletonKeyOf(name, payload)}`, () => run(db, name, payload));
  else if (name === "sync-tick") {
    // A tick still sweeping (a long inbox) makes the next one a no-op, as PostgreSQL's one queued tick does.
    if (ticking.has(db)) return;
    ticking.add(db);
    void run(db, name, payload).finally(() => ticking.delete(db));
  } else void run(db, name, payload);
}

async function run<N extends JobName>(db: Db, name: N, payload: JobPayload<N>): Promise<void> {
  try {
    const jobHandlers = await loadJobHandlers();
    await jobHandlers[name](db, payload);
  } catch (error) {
    const detail = error instanceof Error ? `${error.name || "Error"}: ${error.message}` : typeof error;
    console.error(`[jobs] ${name} ${JSON.stringify(payload)} failed: ${detail}`);
  }
}

// A backfill stores a page every few hundred milliseconds: its drains wait for a quiet moment
// (scoreDrainTiming), so the same role days are not rescored after every page.
function coalesce(db: Db, key: string, task: () => Promise<void>, now = Date.now()): void {
  let pending = pendingByDb.get(db);
  if (!pending) {
    pending = new Map();
    pendingByDb.set(db, pending);
  }
  const current = pending.get(key);
  if (current) clearTimeout(current.timer);
  const firstAt = current?.firstAt ?? now;
  const delay = Math.max(0, Math.min(scoreDrainTiming.quietMs, firstAt + scoreDrainTiming.maxWaitMs - now));
  const byKey = pending;
  const timer = setTimeout(() => {
    byKey.delete(key);
    void task();
  }, delay);
  timer.unref();
  pending.set(key, { timer, firstAt });
}
