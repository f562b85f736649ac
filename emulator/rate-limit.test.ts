import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

const T0 = 1_750_000_020_000; // starts a whole minute

describe("RateLimiter", () => {
  it("allows perSecond requests per company per second, then says when to retry", () => {
    const limiter = new RateLimiter(3);
    const results = [0, 100, 200, 300].map((dt) => limiter.check("c1", "GET /api/v2/users", T0 + dt));
    expect(results).toEqual([{ ok: true }, { ok: true }, { ok: true }, { ok: false, retryAfterSeconds: 1 }]);
    expect(limiter.check("c2", "GET /api/v2/users", T0 + 300)).toEqual({ ok: true });
    expect(limiter.check("c1", "GET /api/v2/users", T0 + 1_000)).toEqual({ ok: true });
  });

  it("applies the spec's 10/minute limit on GET /call/{id}", () => {
    const limiter = new RateLimiter(1_000);
    for (let i = 0; i < 10; i++) expect(limiter.check("c1", "GET /api/v2/call/{id}", T0 + i * 1_000).ok).toBe(true);
    expect(limiter.check("c1", "GET /api/v2/call/{id}", T0 + 15_000)).toEqual({ ok: false, retryAfterSeconds: 45 });
    expect(limiter.check("c1", "GET /api/v2/call", T0 + 15_000)).toEqual({ ok: true });
    expect(limiter.check("c1", "GET /api/v2/call/{id}", T0 + 60_000)).toEqual({ ok: true });
  });

  it("is off at 0 requests per second", () => {
    const limiter = new RateLimiter(0);
    for (let i = 0; i < 50; i++) expect(limiter.check("c1", "GET /api/v2/call/{id}", T0).ok).toBe(true);
  });
});
