// Virtual time for emulator tests: waits end only when the test moves the clock past them.
import type { EmulatorClock } from "../clock";

export interface VirtualClock extends EmulatorClock {
  /** Every wait longer than zero asked for so far, in ms, in the order asked. */
  readonly sleeps: number[];
  /** Waits not over yet. */
  pending(): number;
  /** Moves time forward by `ms`, ending every wait due by then, earliest first. */
  advance(ms: number): Promise<void>;
  /** Moves time to the end of the earliest pending wait and ends it (and any due at the same instant). */
  advanceToNext(): Promise<void>;
}

interface Wait {
  at: number;
  order: number;
  resolve: () => void;
}

// setImmediate lets the code behind each ended wait run up to its next await on I/O or time.
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createVirtualClock(start = Date.now()): VirtualClock {
  let now = start;
  let order = 0;
  const sleeps: number[] = [];
  const waits = new Set<Wait>();

  async function runUntil(target: number): Promise<void> {
    for (;;) {
      const due = [...waits].filter((w) => w.at <= target).sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!due) break;
      now = Math.max(now, due.at);
      waits.delete(due);
      due.resolve();
      await flush();
    }
    now = Math.max(now, target);
  }

  return {
    sleeps,
    now: () => now,
    sleep(ms, signal) {
      if (ms <= 0 || signal?.aborted) return Promise.resolve();
      sleeps.push(ms);
      return new Promise<void>((resolve) => {
        const wait: Wait = { at: now + ms, order: order++, resolve: () => undefined };
        const end = () => {
          waits.delete(wait);
          signal?.removeEventListener("abort", end);
          resolve();
        };
        wait.resolve = end;
        waits.add(wait);
        signal?.addEventListener("abort", end, { once: true });
      });
    },
    pending: () => waits.size,
    advance: (ms) => runUntil(now + ms),
    async advanceToNext() {
      const next = Math.min(...[...waits].map((w) => w.at));
      if (Number.isFinite(next)) await runUntil(next);
    },
  };
}
