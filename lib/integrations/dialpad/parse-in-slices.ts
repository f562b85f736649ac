import type { RejectedItem } from "./schema-primitives";

/** Items validated per synchronous step: a 100-call page took tens of milliseconds of the event loop in one go. */
export const parseSliceItems = 20;

/**
 * Runs a page's items through `parse` (schema-primitives' parseItems shape) a slice at a time, yielding to
 * the event loop between slices; the result is the same as parsing the whole page at once.
 */
export async function parseInSlices<T>(
  items: readonly unknown[],
  parse: (slice: readonly unknown[]) => { parsed: T[]; rejected: RejectedItem[] },
  sliceItems: number = parseSliceItems,
  yieldToLoop: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve)),
): Promise<{ parsed: T[]; rejected: RejectedItem[] }> {
  const parsed: T[] = [];
  const rejected: RejectedItem[] = [];
  for (let start = 0; start < items.length; start += sliceItems) {
    if (start > 0) await yieldToLoop();
    const slice = parse(items.slice(start, start + sliceItems));
    for (const item of slice.parsed) parsed.push(item);
    for (const item of slice.rejected) rejected.push(item);
  }
  return { parsed, rejected };
}
