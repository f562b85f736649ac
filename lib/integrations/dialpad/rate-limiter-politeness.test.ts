import { describe, expect, it } from "vitest";
import { createRateLimiter, type RateLimiter, type RequestPermit } from "./rate-limiter";
import { createVirtualClock } from "./testing/fake-clock";

type VirtualClock = ReturnType<typeof createVirtualClock>;

/** Acquires on virtual time: runs the clock until the permit is granted, then says when that was. */
async function grant(limiter: RateLimiter, clock: VirtualClock): Promise<{ permit: RequestPermit; at: number }> {
  const pending = limiter.acquire();
  await clock.runAll();
  const permit = await pending;
  return { permit, at: clock.now() };
}

/** `count` callers at once, each answered at once; the instants they were let go. */
async function burst(limiter: RateLimiter, clock: VirtualClock, count: number): Promise<number[]> {
  const grants: number[] = [];
  const all = Array.from({ length: count }, () =>
    limiter.acquire().then((permit) => {
      grants.push(clock.now());
      permit.release();
    }),
  );
  await clock.runAll();
  await Promise.all(all);
  return grants;
}

describe("rate limiter politeness (AIMD)", () => {
  it("halves its pace after a 429 and regains one request/second each second", async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter(20, { clock });
    const { permit } = await grant(limiter, clock);
    permit.release();
    permit.reportRateLimited(null);
    expect(limiter.currentRate()).toBe(10);
    clock.advance(5_000);
    expect(limiter.currentRate()).toBe(15);
    clock.advance(5_000);
    expect(limiter.currentRate()).toBe(20);
    clock.advance(5_000);
    expect(limiter.currentRate()).toBe(20);
  });

  it("waits out Retry-After for every caller, then sends at the lowered pace instead of at full speed", async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter(20, { clock });
    const { permit } = await grant(limiter, clock);
    permit.release();
    permit.reportRateLimited(1_000);
    expect(await burst(limiter, clock, 5)).toEqual([1_000, 1_100, 1_200, 1_300, 1_400]);
    // Without the 429 the same burst goes out every 50 ms.
    const freshClock = createVirtualClock();
    expect(await burst(createRateLimiter(20, { clock: freshClock }), freshClock, 5)).toEqual([0, 50, 100, 150, 200]);
  });

  it("lowers the pace once per burst: 429s for requests sent before the decrease do not count again", async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter(20, { clock });
    const early = [await grant(limiter, clock), await grant(limiter, clock), await grant(limiter, clock)].map((g) => g.permit);
    clock.advance(10);
    for (const permit of early) {
      permit.release();
      permit.reportRateLimited(null);
    }
    expect(limiter.currentRate()).toBe(10);
    // A request sent after the decrease that still meets a 429: the lower pace was not low enough.
    const { permit: later } = await grant(limiter, clock);
    later.release();
    later.reportRateLimited(null);
    expect(limiter.currentRate()).toBeCloseTo(5, 1);
  });

  it("never slows below minPerSecond", async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter(20, { clock, minPerSecond: 2 });
    for (let i = 0; i < 10; i++) {
      const { permit } = await grant(limiter, clock);
      permit.release();
      permit.reportRateLimited(null);
    }
    expect(limiter.currentRate()).toBe(2);
  });
});

describe("rate limiter window, counted at send time", () => {
  it("counts a request until its answer arrives plus one second, so a slow answer holds its slot", async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter(3, { clock });
    const held = [await grant(limiter, clock), await grant(limiter, clock), await grant(limiter, clock)];
    expect(held.map((g) => g.at)).toEqual([0, 333.334, 666.668]);
    let fourthAt: number | null = null;
    const fourth = limiter.acquire().then((permit) => {
      fourthAt = clock.now();
      permit.release();
    });
    await clock.runAll();
    // Three requests may still be on their way: a fourth could land in the same second as all of them.
    expect(fourthAt).toBeNull();
    clock.advance(4_000);
    const answeredAt = clock.now();
    held[0]!.permit.release();
    await clock.runAll();
    await fourth;
    // A second after the answer (plus the millisecond Date.now() truncation may hide).
    expect(fourthAt).toBe(answeredAt + 1_001);
  });
});
