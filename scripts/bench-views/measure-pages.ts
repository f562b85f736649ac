// Warm medians of whole page requests (the HTML read to its end), one request at a time.
import { performance } from "node:perf_hooks";

export interface PageFigure {
  label: string;
  path: string;
  /** Null: the route answered something other than 200 ("not available"). */
  medianMs: number | null;
  status: number;
  bytes: number;
}

const warmups = 5;

export async function measurePage(baseUrl: string, label: string, pagePath: string, cookie: string | null, requests: number): Promise<PageFigure> {
  const get = async () => {
    const start = performance.now();
    const response = await fetch(`${baseUrl}${pagePath}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
    const body = await response.arrayBuffer();
    return { ms: performance.now() - start, status: response.status, bytes: body.byteLength };
  };
  const first = await get();
  if (first.status !== 200) return { label, path: pagePath, medianMs: null, status: first.status, bytes: first.bytes };
  for (let i = 1; i < warmups; i++) await get();
  const times: number[] = [];
  let bytes = first.bytes;
  for (let i = 0; i < requests; i++) {
    const result = await get();
    if (result.status !== 200) throw new Error(`${pagePath} answered ${result.status} on request ${i + 1}`);
    times.push(result.ms);
    bytes = result.bytes;
  }
  return { label, path: pagePath, medianMs: median(times), status: 200, bytes };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
