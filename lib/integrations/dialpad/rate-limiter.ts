import { systemClock, type Clock } from "./retry";

// Dialpad allows 20 requests/second per company. We stay at 18 by default to leave room for clock
// skew and network jitter. Share one limiter between every client of the same connection.
export const defaultRequestsPerSecond = 18;

export interface RateLimiter {
  readonly perSecond: number;
  /** Resolves when the caller may send one request. */
  acquire(): Promise<void>;
}

/**
 * Token bucket in its GCRA form: each acquire reserves the next slot, so concurrent callers are
 * spaced at 1/perSecond. With burst 1 (default) no 1-second window ever holds more than perSecond
 * grants; a larger burst trades that guarantee for short bursts after idle time.
 */
export function createRateLimiter(
  perSecond: number = defaultRequestsPerSecond,
  options: { burst?: number; clock?: Clock } = {},
): RateLimiter {
  if (!(perSecond > 0)) throw new RangeError("perSecond must be positive");
  const clock = options.clock ?? systemClock;
  const burst = Math.max(1, Math.floor(options.burst ?? 1));
  // Whole microseconds, rounded up, so float drift can never squeeze an extra grant into a second.
  const intervalMs = Math.ceil(1_000_000 / perSecond) / 1000;
  let theoreticalArrival = Number.NEGATIVE_INFINITY;

  return {
    perSecond,
    async acquire() {
      const now = clock.now();
      const slot = Math.max(theoreticalArrival, now);
      theoreticalArrival = slot + intervalMs;
      const waitMs = slot - (burst - 1) * intervalMs - now;
      if (waitMs > 0) await clock.sleep(waitMs);
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
