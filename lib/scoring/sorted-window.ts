// A multiset of numbers kept sorted, for medians over a window that slides one day at a time:
// each day adds and removes a few values instead of sorting thousands again. Pure.

export class SortedWindow {
  private readonly values: number[] = [];

  get size(): number {
    return this.values.length;
  }

  add(value: number): void {
    this.values.splice(this.findFirst(value), 0, value);
  }

  /** Removes one occurrence of the value; a value not held is an error (the caller added it). */
  remove(value: number): void {
    const at = this.findFirst(value);
    if (this.values[at] !== value) throw new Error(`SortedWindow.remove: ${value} is not in the window`);
    this.values.splice(at, 1);
  }

  /** The same value as median() in lib/scoring/score.ts over the held values. */
  median(): number | null {
    const { values } = this;
    if (values.length === 0) return null;
    const middle = Math.floor(values.length / 2);
    return values.length % 2 === 1 ? values[middle]! : (values[middle - 1]! + values[middle]!) / 2;
  }

  private findFirst(value: number): number {
    let low = 0;
    let high = this.values.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.values[mid]! < value) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
