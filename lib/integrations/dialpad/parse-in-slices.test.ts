import { describe, expect, it } from "vitest";
import { z } from "@/lib/zod";
import { parseInSlices, parseSliceItems } from "./parse-in-slices";
import { parseItems } from "./schema-primitives";

describe("parseInSlices", () => {
  it("validates a page 20 items at a time, yielding between slices, with the result of one parse", async () => {
    expect(parseSliceItems).toBe(20);
    const items = Array.from({ length: 45 }, (_, i) => (i === 21 ? { n: "x" } : { n: i }));
    const slices: number[] = [];
    let yields = 0;
    const result = await parseInSlices(
      items,
      (slice) => {
        slices.push(slice.length);
        return parseItems(z.object({ n: z.number() }), slice);
      },
      undefined,
      async () => void yields++,
    );
    expect(slices).toEqual([20, 20, 5]);
    expect(yields).toBe(2);
    expect(result).toEqual(parseItems(z.object({ n: z.number() }), items));
    expect(result.parsed.map((item) => item.n)).toEqual(items.map((_, i) => i).filter((i) => i !== 21));
    expect(result.rejected).toEqual([{ raw: { n: "x" }, issues: ["n: Invalid input: expected number, received string"] }]);
  });

  it("does not yield for a page of one slice or none", async () => {
    let yields = 0;
    const parse = (slice: readonly unknown[]) => ({ parsed: [...slice], rejected: [] });
    expect((await parseInSlices([1, 2], parse, 20, async () => void yields++)).parsed).toEqual([1, 2]);
    expect((await parseInSlices([], parse, 20, async () => void yields++)).parsed).toEqual([]);
    expect(yields).toBe(0);
  });
});
