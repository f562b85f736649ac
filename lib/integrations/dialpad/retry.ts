/** Time source for waits; tests inject one that records sleeps instead of waiting. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** A signal that aborts with a TimeoutError after `ms` (a request's timeout); AbortSignal.timeout when absent. */
  timeout?(ms: number): AbortSignal;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  timeout: (ms) => AbortSignal.timeout(ms),
};

/** Exponential backoff with full jitter: a random wait in [0, min(max, base·2^(attempt−1))). */
export function backoffDelayMs(attempt: number, options: { baseMs: number; maxMs: number; random: () => number }): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(options.random() * ceiling);
}

/** Retry-After as delta-seconds or an HTTP-date (RFC 9110 §10.2.3) → ms from now; null if absent/invalid. */
export function parseRetryAfterMs(value: string | null, now: number): number | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}
