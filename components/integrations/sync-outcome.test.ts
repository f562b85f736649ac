import { describe, expect, it } from "vitest";
import { describeRunOutcome } from "./sync-outcome";

const started = { runId: 7, message: "Sync started." };

describe("describeRunOutcome", () => {
  it("says started while the run is running or not listed yet", () => {
    expect(describeRunOutcome(started, [{ id: 7, status: "running", callsAdded: 0 }])).toBe("Sync started.");
    expect(describeRunOutcome(started, [])).toBe("Sync started.");
  });

  it("counts the new calls once the run is done", () => {
    expect(describeRunOutcome(started, [{ id: 7, status: "succeeded", callsAdded: 12 }])).toBe("Sync finished · 12 new calls");
    expect(describeRunOutcome(started, [{ id: 7, status: "succeeded", callsAdded: 1 }])).toBe("Sync finished · 1 new call");
    expect(describeRunOutcome(started, [{ id: 7, status: "succeeded", callsAdded: 1_204 }])).toBe("Sync finished · 1,204 new calls");
  });

  it("points to the failure message when the run failed", () => {
    expect(describeRunOutcome(started, [{ id: 7, status: "failed", callsAdded: 0 }])).toBe("The sync failed; see why above.");
  });
});
