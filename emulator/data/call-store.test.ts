import { describe, expect, it } from "vitest";
import { DAY_MS } from "./call-day";
import { CallStore } from "./call-store";
import type { Company, Leg } from "./types";

// A call that starts before UTC midnight can have legs after it; those legs live in the earlier day's
// generated list. Listing must still return them in order on every page.
const day = 20_000;
const midnight = (day + 1) * DAY_MS;
const leg = (callId: string, dateStarted: number) => ({ callId, dateStarted, dateEnded: dateStarted + 60_000, target: { id: "1", type: "user" }, entryPointTarget: null }) as unknown as Leg;

function storeWith(days: Record<number, Leg[]>): CallStore {
  const store = new CallStore({ seed: 1, callsPerUserDay: 1, windowStart: day * DAY_MS, windowEnd: (day + 2) * DAY_MS });
  (store as unknown as { cache: { day: (company: Company, d: number) => Leg[] } }).cache = { day: (_company, d) => days[d] ?? [] };
  return store;
}

describe("CallStore.list", () => {
  it("pages a leg that spills past midnight into its place, whatever the page size", () => {
    const store = storeWith({
      [day]: [leg("50200000000000002", midnight + 4 * 60_000), leg("50200000000000001", midnight - 3_600_000)],
      [day + 1]: [leg("50200010000000003", midnight + 10 * 60_000), leg("50200010000000002", midnight + 3 * 60_000), leg("50200010000000001", midnight + 2 * 60_000)],
    });
    const company = { index: 0 } as Company;
    const expected = ["50200010000000003", "50200000000000002", "50200010000000002", "50200010000000001", "50200000000000001"];
    for (const limit of [1, 2, 3, 10]) {
      const ids: string[] = [];
      let key: { started: number; callId: string } | undefined;
      for (;;) {
        const page = store.list(company, { after: -1, before: Number.MAX_SAFE_INTEGER, endedBy: Number.MAX_SAFE_INTEGER, maxLiveSeq: 0, after_key: key }, limit);
        ids.push(...page.items.map((item) => item.callId));
        if (!page.hasMore) break;
        const last = page.items.at(-1)!;
        key = { started: last.dateStarted, callId: last.callId };
      }
      expect(ids).toEqual(expected);
    }
  });
});
