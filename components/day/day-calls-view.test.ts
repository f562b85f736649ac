import { describe, expect, it } from "vitest";
import type { DayCallItem } from "./day-calls-model";
import { countByFilter, readCallTableState, selectCalls, writeCallTableState } from "./day-calls-view";

const item = (id: number, fields: Partial<DayCallItem>): DayCallItem =>
  ({ id, startedAt: id * 1000, party: `P${id}`, talkMs: 0, addedMs: 0, status: "Counted", filters: ["all"], ...fields }) as DayCallItem;

describe("the calls table's state", () => {
  it("reads and writes ?calls=&sort=&dir=, leaving defaults and unknown values out", () => {
    expect(readCallTableState(new URLSearchParams("date=2026-03-10&calls=overlap&sort=talk&dir=desc"))).toEqual({ filter: "overlap", sort: "talk", dir: "desc" });
    expect(readCallTableState(new URLSearchParams("calls=nope&sort=x"))).toEqual({ filter: "all", sort: "time", dir: "asc" });
    const written = writeCallTableState(new URLSearchParams("date=2026-03-10&calls=missed"), { filter: "all", sort: "counted", dir: "desc" });
    expect(written.toString()).toBe("date=2026-03-10&sort=counted&dir=desc");
  });

  it("counts each chip and shows the chosen calls in the chosen order, ties in time order", () => {
    const items = [
      item(1, { talkMs: 60_000, filters: ["all", "counted"] }),
      item(2, { talkMs: 120_000, filters: ["all", "counted", "overlap"] }),
      item(3, { talkMs: 60_000, filters: ["all", "missed"] }),
    ];
    expect(countByFilter(items)).toEqual({ all: 3, counted: 2, missed: 1, voicemail: 0, flagged: 0, overlap: 1 });
    expect(selectCalls(items, { filter: "all", sort: "talk", dir: "desc" }).map((i) => i.id)).toEqual([2, 1, 3]);
    expect(selectCalls(items, { filter: "counted", sort: "time", dir: "desc" }).map((i) => i.id)).toEqual([2, 1]);
  });
});
