import { describe, expect, it } from "vitest";
import { createRateLimiter, getSharedRateLimiter, type RequestPermit } from "./rate-limiter";
import { backoffDelayMs, parseRetryAfterMs } from "./retry";
import { createVirtualClock } from "./testing/fake-clock";

function maxInAnySecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while ((sorted[j] ?? 0) - (sorted[i] ?? 0) >= 1000) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

/** Records when each permit was granted and releases it at once (an answer that takes no time). */
const answeredAt = (clock: { now(): number }, grants: number[]) => (permit: RequestPermit) => {
  grants.push(clock.now());
  permit.release();
};

describe("createRateLimiter", () => {
  it("never grants more than N requests in any 1-second window, even to 100 concurrent callers", async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter(18, { clock });
    const grants: number[] = [];
    const all = Array.from({ length: 100 }, () => limiter.acquire().then(answeredAt(clock, grants)));
    await clock.runAll();
    await Promise.all(all);
    expect(grants).toHaveLength(100);
    expect(maxInAnySecond(grants)).toBe(18);
    expect(grants[0]).toBe(0);
    // 99 gaps of 1/18 s: the limiter is not slower than it needs to be either.
    expect(Math.max(...grants)).toBeCloseTo(99 * 55.556, 1);
  });

  it("keeps the bound across idle gaps and late arrivals", async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter(20, { clock });
    const grants: number[] = [];
    const pending: Promise<unknown>[] = [];
    for (const [count, idleMs] of [[30, 0], [5, 2000], [25, 10]] as const) {
      clock.advance(idleMs);
      for (let i = 0; i < count; i++) pending.push(limiter.acquire().then(answeredAt(clock, grants)));
      await clock.runAll();
    }
    await Promise.all(pending);
    expect(grants).toHaveLength(60);
    expect(maxInAnySecond(grants)).toBeLessThanOrEqual(20);
  });

  it("does not delay callers that are already slower than the limit", async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter(18, { clock });
    for (let i = 0; i < 5; i++) {
      (await limiter.acquire()).release();
      clock.advance(100);
    }
    expect(clock.now()).toBe(500);
  });

  it("shares one limiter per key", () => {
    expect(getSharedRateLimiter("company-1")).toBe(getSharedRateLimiter("company-1"));
    expect(getSharedRateLimiter("company-1")).not.toBe(getSharedRateLimiter("company-2"));
    expect(getSharedRateLimiter("company-1").perSecond).toBe(18);
  });
});

describe("retry helpers", () => {
  it("reads Retry-After as seconds or an HTTP-date", () => {
    const now = Date.parse("2026-01-05T08:00:00Z");
    expect(parseRetryAfterMs("3", now)).toBe(3000);
    expect(parseRetryAfterMs("Mon, 05 Jan 2026 08:00:07 GMT", now)).toBe(7000);
    expect(parseRetryAfterMs("Mon, 05 Jan 2026 07:59:00 GMT", now)).toBe(0);
    expect(parseRetryAfterMs("soon", now)).toBeNull();
    expect(parseRetryAfterMs(null, now)).toBeNull();
  });

  it("backs off exponentially with full jitter and a cap", () => {
    const options = { baseMs: 500, maxMs: 4000, random: () => 0.999 };
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(attempt, options))).toEqual([499, 999, 1998, 3996, 3996]);
    expect(backoffDelayMs(3, { ...options, random: () => 0 })).toBe(0);
  });
});
