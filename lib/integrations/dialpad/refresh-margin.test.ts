import { describe, expect, it } from "vitest";
import { isAccessTokenFresh, refreshMarginMs } from "./refresh-margin";

const minute = 60_000;

describe("refreshMarginMs", () => {
  it("is a tenth of the lifetime between 10 s and 5 minutes, and never more than half of it", () => {
    expect(refreshMarginMs(60 * minute)).toBe(5 * minute);
    expect(refreshMarginMs(24 * 60 * minute)).toBe(5 * minute);
    expect(refreshMarginMs(10 * minute)).toBe(minute);
    expect(refreshMarginMs(minute)).toBe(10_000);
    expect(refreshMarginMs(10_000)).toBe(5_000);
    expect(refreshMarginMs(0)).toBe(0);
    expect(refreshMarginMs(Number.NaN)).toBe(0);
  });
});

describe("isAccessTokenFresh", () => {
  it("uses a 60-second token for 50 seconds instead of refreshing it before every request", () => {
    const issuedAt = 1_000_000;
    const token = { expiresAt: issuedAt + minute, issuedAt };
    expect(isAccessTokenFresh(token, issuedAt + 49_999)).toBe(true);
    expect(isAccessTokenFresh(token, issuedAt + 50_000)).toBe(false);
    // 85 requests a second apart need one refresh; a fixed 5-minute margin refreshed before every one.
    let current = token;
    let refreshes = 0;
    for (let now = issuedAt; now < issuedAt + 85_000; now += 1_000) {
      if (!isAccessTokenFresh(current, now)) {
        current = { expiresAt: now + minute, issuedAt: now };
        refreshes++;
      }
    }
    expect(refreshes).toBe(1);
  });

  it("keeps the 5-minute margin for hour-long tokens and when the issue time is unknown", () => {
    const expiresAt = 10 * 60 * minute;
    expect(isAccessTokenFresh({ expiresAt, issuedAt: expiresAt - 60 * minute }, expiresAt - 5 * minute - 1)).toBe(true);
    expect(isAccessTokenFresh({ expiresAt, issuedAt: expiresAt - 60 * minute }, expiresAt - 5 * minute)).toBe(false);
    expect(isAccessTokenFresh({ expiresAt, issuedAt: null }, expiresAt - 5 * minute)).toBe(false);
    expect(isAccessTokenFresh({ expiresAt: null, issuedAt: null }, 0)).toBe(false);
  });
});
