import { describe, expect, it } from "vitest";
import { median } from "./score";
import { SortedWindow } from "./sorted-window";

describe("SortedWindow", () => {
  it("holds the median of what was added and not removed, ties and even counts included", () => {
    const window = new SortedWindow();
    expect(window.median()).toBeNull();
    const held: number[] = [];
    for (const value of [5, 1, 5, 9, 0, 5, 3, 12, 1]) {
      window.add(value);
      held.push(value);
      expect([window.size, window.median()]).toEqual([held.length, median(held)]);
    }
    for (const value of [5, 1, 12, 0]) {
      window.remove(value);
      held.splice(held.indexOf(value), 1);
      expect([window.size, window.median()]).toEqual([held.length, median(held)]);
    }
    expect(window.median()).toBe(5); // 1, 3, 5, 5, 9
  });

  it("refuses to remove a value it does not hold", () => {
    const window = new SortedWindow();
    window.add(2);
    expect(() => window.remove(3)).toThrow("SortedWindow.remove: 3 is not in the window");
  });
});
