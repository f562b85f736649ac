import type { Clock } from "../retry";

/**
 * Sleeps return at once and are recorded, so tests can assert how long the client chose to wait; the
 * clock jumps ahead by each (code that waits for an instant, like the rate limiter after a 429, gets there).
 * Request timeouts are recorded too and never fire by themselves: `expireTimeouts()` fires every one
 * handed out so far, for a test that knows its request hangs.
 */
export function createRecordingClock(start = 1_767_600_000_000): Clock & { sleeps: number[]; timeouts: number[]; expireTimeouts(): void } {
  let now = start;
  const sleeps: number[] = [];
  const timeouts: number[] = [];
  const unexpired: AbortController[] = [];
  return {
    sleeps,
    timeouts,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += Math.max(0, ms);
    },
    timeout: (ms) => {
      timeouts.push(ms);
      const controller = new AbortController();
      unexpired.push(controller);
      return controller.signal;
    },
    expireTimeouts() {
      for (const controller of unexpired.splice(0)) controller.abort(new DOMException("The operation was aborted due to timeout", "TimeoutError"));
    },
  };
}

/** Virtual time: sleeps wait until `runAll()` advances the clock to them, earliest first. */
export function createVirtualClock(start = 0): Clock & { runAll(): Promise<void>; advance(ms: number): void } {
  let now = start;
  const timers: { at: number; order: number; resolve: () => void }[] = [];
  let order = 0;
  const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => now,
    sleep: (ms) => new Promise<void>((resolve) => timers.push({ at: now + ms, order: order++, resolve })),
    advance(ms) {
      now += ms;
    },
    async runAll() {
      await flush();
      while (timers.length > 0) {
        timers.sort((a, b) => a.at - b.at || a.order - b.order);
        const next = timers.shift();
        if (!next) break;
        now = Math.max(now, next.at);
        next.resolve();
        await flush();
      }
    },
  };
}
