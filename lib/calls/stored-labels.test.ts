import { describe, expect, it } from "vitest";
import { isMeetingLeg } from "./rules";
import { MAX_STORED_LABELS_JSON, toStoredLabels } from "./stored-labels";

describe("toStoredLabels", () => {
  it("keeps ordinary labels as given, without repeats", () => {
    expect(toStoredLabels(["sales", "follow-up", "sales"])).toEqual(["sales", "follow-up"]);
  });

  it("drops labels that would take the JSON past 1,000 characters, keeping a meeting label that came last", () => {
    const long = Array.from({ length: 40 }, (_, n) => `campaign-${String(n).padStart(2, "0")}-${"x".repeat(20)}`);
    const stored = toStoredLabels([...long, "Dialpad_Meetings"]);
    expect(JSON.stringify(stored).length).toBeLessThanOrEqual(MAX_STORED_LABELS_JSON);
    expect(stored).toHaveLength(29); // the meeting label (18 characters with its quotes) and 28 of 34 + a comma
    expect(stored.slice(0, 2)).toEqual(["campaign-00-xxxxxxxxxxxxxxxxxxxx", "campaign-01-xxxxxxxxxxxxxxxxxxxx"]);
    expect(stored.at(-1)).toBe("Dialpad_Meetings");
    expect(isMeetingLeg({ targetType: "user", labels: stored })).toBe(true);
  });

  it("skips one label too long to fit and keeps the shorter ones after it", () => {
    expect(toStoredLabels(["a", "y".repeat(2_000), "b"])).toEqual(["a", "b"]);
  });
});
