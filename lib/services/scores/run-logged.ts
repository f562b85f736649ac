import { isTransientDatabaseError } from "@/db/errors";

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How often failing score work is tried, and how long it waits between tries (doubling each time). */
export const retryTiming = { maxAttempts: 5, firstDelayMs: 30_000 };

/** When a row that failed `attempts` times (this one included) is tried next; null: it has failed for good. */
export function getRetryAt(attempts: number, now: number): number | null {
  if (attempts >= retryTiming.maxAttempts) return null;
  return now + retryTiming.firstDelayMs * 2 ** (attempts - 1);
}

export function describeError(error: unknown): string {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return detail.slice(0, 500);
}

// One bad row (say, an employee whose stored time zone no longer exists) must not stall every later
// score, so a failed unit of work is logged and reported to `onFailure`, and the drain goes on. A busy
// database (or a PostgreSQL serialization failure or deadlock) is different: the error goes up and
// the queued work stays for the next drain without counting a try.
export async function runLogged(subject: string | number, run: () => unknown, onFailure: (message: string) => Promise<void>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    if (isTransientDatabaseError(error)) throw error;
    const message = describeError(error);
    const what = typeof subject === "number" ? `employee ${subject}` : `role "${subject}"`;
    console.error(`[scores] recompute failed for ${what}: ${message}`);
    await onFailure(message);
    return false;
  }
}
