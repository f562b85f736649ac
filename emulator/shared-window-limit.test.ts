import { describe, expect, it } from "vitest";
import { SharedWindowLimiter } from "./shared-window-limit";
import { Stats } from "./stats";

const T0 = 1_750_000_020_000; // a whole second
const route = "GET /api/v2/call";

function limiter(perSecond = 20, backgroundRps = 0) {
  const stats = new Stats();
  return { limiter: new SharedWindowLimiter(perSecond, 42, backgroundRps, stats), stats };
}

/** Sends `count` requests spaced `gapMs` apart from `start`; the instants that were refused. */
function send(l: SharedWindowLimiter, start: number, count: number, gapMs: number): number[] {
  const refused: number[] = [];
  for (let i = 0; i < count; i++) if (!l.check("c1", route, start + i * gapMs).ok) refused.push(start + i * gapMs);
  return refused;
}

describe("SharedWindowLimiter (strict mode)", () => {
  it("slides: 20 requests in any 1-second window, not 20 per calendar second", () => {
    const { limiter: l } = limiter();
    // 20 at the end of one second and 20 at the start of the next pass a fixed window; a sliding one refuses them.
    expect(send(l, T0 + 900, 20, 5)).toEqual([]);
    const refused = send(l, T0 + 1_000, 20, 5);
    expect(refused).toHaveLength(20);
    expect(l.check("c1", route, T0 + 1_899)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(l.check("c1", route, T0 + 1_900)).toEqual({ ok: true });
    expect(l.check("c2", route, T0 + 1_000)).toEqual({ ok: true });
  });

  it("spends part of the budget on the company's other integrations, so a polite client still meets 429s", () => {
    const { limiter: l, stats } = limiter(20, 6);
    // 18 requests/second, under the limit on its own, for 60 seconds.
    const refused = send(l, T0, 18 * 60, 1000 / 18);
    expect(stats.backgroundRequests).toBeGreaterThan(60);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThan(18 * 60 * 0.5);
  });

  it("never lets the client and the background together past the limit in any 1-second window", () => {
    const { limiter: l, stats } = limiter(20, 8);
    const seen = new Set<number>();
    let clientAdmitted = 0;
    for (let i = 0; i < 30 * 25; i++) {
      if (l.check("c1", route, T0 + i * 40).ok) clientAdmitted++;
      for (const at of l.recent("c1")) seen.add(at);
    }
    const all = [...seen].sort((a, b) => a - b);
    expect(all.length).toBe(clientAdmitted + stats.backgroundRequests);
    const busiest = Math.max(...all.map((t) => all.filter((u) => u > t - 1000 && u <= t).length));
    expect(busiest).toBe(20);
  });

  it("draws the same background traffic from the same seed and company", () => {
    const a = limiter(20, 5).limiter;
    const b = limiter(20, 5).limiter;
    const second = Math.floor(T0 / 1000);
    expect(a.backgroundArrivals("c1", second)).toEqual(b.backgroundArrivals("c1", second));
    expect(a.backgroundArrivals("c1", second)).not.toEqual(a.backgroundArrivals("c2", second));
    expect(limiter(20, 0).limiter.backgroundArrivals("c1", second)).toEqual([]);
  });

  it("keeps the spec's per-endpoint limits and turns off at 0", () => {
    const { limiter: l } = limiter(1_000);
    for (let i = 0; i < 10; i++) expect(l.check("c1", "GET /api/v2/call/{id}", T0 + i).ok).toBe(true);
    expect(l.check("c1", "GET /api/v2/call/{id}", T0 + 10).ok).toBe(false);
    const off = limiter(0, 50).limiter;
    expect(send(off, T0, 100, 1)).toEqual([]);
  });
});
