import { systemClock, type Clock } from "./retry";

// Dialpad allows 20 requests/second per company. We stay at 18 by default to leave room for clock
// skew and network jitter. Share one limiter between every client of the same connection.
export const defaultRequestsPerSecond = 18;

const WINDOW_MS = 1_000;

export interface RequestPermit {
  /** Call once the response (or the failure) is in: until then the request may still be on its way. */
  release(): void;
  /** Dialpad answered with 429: slow down for a while and hold every caller for Retry-After. */
  reportRateLimited(retryAfterMs: number | null): void;
}

export interface RateLimiter {
  readonly perSecond: number;
  /** The pace right now: perSecond, or less for a while after a 429. */
  currentRate(): number;
  /** Resolves right before the caller sends one request; the permit must be released when it is answered. */
  acquire(): Promise<RequestPermit>;
}

export interface RateLimiterOptions {
  burst?: number;
  clock?: Clock;
  /** Most requests in any 1-second window, counted at send time; default ceil(perSecond). */
  maxPerWindow?: number;
  /** Multiplicative decrease after a 429 (default 0.5). */
  decreaseFactor?: number;
  /** Additive increase: requests/second regained per second without a 429 (default 1). */
  increasePerSecond?: number;
  /** Never paced slower than this (default 1/s). */
  minPerSecond?: number;
}

interface Sent {
  at: number;
  /** When the answer arrived: the request was on the wire at some instant in [at, doneAt]. */
  doneAt: number | null;
}

/**
 * Two layers. Pacing: a token bucket in its GCRA form spaces callers at the current rate. The guarantee:
 * each request is counted in the window from the moment it is let go until its answer arrives plus one
 * second, because an event-loop stall can delay the actual write to any instant before the answer. So
 * however the loop stalls, no 1-second window ever holds more than maxPerWindow requests on the wire.
 *
 * Politeness (AIMD): a 429 means someone else spends the company's budget (this limiter never exceeds it on
 * its own), so the pace is halved and then regained by increasePerSecond each second. 429s for requests
 * sent before the last decrease belong to the same burst and do not decrease it again.
 */
export function createRateLimiter(perSecond: number = defaultRequestsPerSecond, options: RateLimiterOptions = {}): RateLimiter {
  if (!(perSecond > 0)) throw new RangeError("perSecond must be positive");
  const clock = options.clock ?? systemClock;
  const burst = Math.max(1, Math.floor(options.burst ?? 1));
  const maxPerWindow = Math.max(1, Math.floor(options.maxPerWindow ?? Math.ceil(perSecond)));
  const decreaseFactor = options.decreaseFactor ?? 0.5;
  const increasePerSecond = options.increasePerSecond ?? 1;
  const minPerSecond = Math.min(perSecond, options.minPerSecond ?? 1);
  let theoreticalArrival = Number.NEGATIVE_INFINITY;
  let pausedUntil = Number.NEGATIVE_INFINITY;
  let reduced: { rate: number; at: number } | null = null;
  let lastDecreaseAt = Number.NEGATIVE_INFINITY;
  let sent: Sent[] = [];
  let released: { promise: Promise<void>; resolve: () => void } | null = null;

  function currentRate(now = clock.now()): number {
    if (!reduced) return perSecond;
    const rate = reduced.rate + (increasePerSecond * (now - reduced.at)) / 1000;
    if (rate < perSecond) return rate;
    reduced = null;
    return perSecond;
  }

  /**
   * Waits until a request let go now keeps every window within maxPerWindow, and counts it in the same
   * synchronous step as the check, so callers woken together cannot all pass one free slot.
   */
  async function admit(): Promise<Sent> {
    for (;;) {
      const now = clock.now();
      // Inclusive, and freed a millisecond late: Date.now() truncates, so a recorded instant may be up to 1 ms early.
      sent = sent.filter((s) => s.doneAt === null || s.doneAt >= now - WINDOW_MS);
      if (now >= pausedUntil && sent.length < maxPerWindow) {
        // Counted from here on: whatever runs between this and the actual write only delays the write.
        const entry: Sent = { at: now, doneAt: null };
        sent.push(entry);
        return entry;
      }
      const frees = sent.filter((s) => s.doneAt !== null).map((s) => s.doneAt! + WINDOW_MS + 1);
      const until = Math.max(pausedUntil, sent.length < maxPerWindow ? now : Math.min(...frees));
      if (Number.isFinite(until)) await Promise.race([clock.sleep(until - now), nextRelease()]);
      else await nextRelease();
    }
  }

  function nextRelease(): Promise<void> {
    if (!released) {
      let resolve = () => {};
      const promise = new Promise<void>((r) => (resolve = r));
      released = { promise, resolve };
    }
    return released.promise;
  }

  function permitFor(entry: Sent): RequestPermit {
    return {
      release() {
        if (entry.doneAt !== null) return;
        entry.doneAt = clock.now();
        const waiting = released;
        released = null;
        waiting?.resolve();
      },
      reportRateLimited(retryAfterMs) {
        const now = clock.now();
        if (retryAfterMs !== null) pausedUntil = Math.max(pausedUntil, now + retryAfterMs);
        theoreticalArrival = Math.max(theoreticalArrival, pausedUntil);
        if (entry.at < lastDecreaseAt) return;
        lastDecreaseAt = now;
        reduced = { rate: Math.max(minPerSecond, currentRate(now) * decreaseFactor), at: now };
      },
    };
  }

  return {
    perSecond,
    currentRate: () => currentRate(),
    async acquire() {
      const now = clock.now();
      const intervalMs = Math.ceil(1_000_000 / currentRate(now)) / 1000;
      const slot = Math.max(theoreticalArrival, now, pausedUntil);
      theoreticalArrival = slot + intervalMs;
      const waitMs = slot - (burst - 1) * intervalMs - now;
      if (waitMs > 0) await clock.sleep(waitMs);
      return permitFor(await admit());
    },
  };
}

const shared = new Map<string, RateLimiter>();

/** One limiter per key (use the Dialpad company id or connection id) for the whole process. */
export function getSharedRateLimiter(key: string, perSecond: number = defaultRequestsPerSecond): RateLimiter {
  let limiter = shared.get(key);
  if (!limiter || limiter.perSecond !== perSecond) {
    limiter = createRateLimiter(perSecond);
    shared.set(key, limiter);
  }
  return limiter;
}
