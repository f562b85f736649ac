import { isTransientDatabaseError } from "@/db/errors";

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

// One bad row (say, an employee whose stored time zone no longer exists) must not stall every
// later score, so the recompute logs a failure and drops that piece of work with its queue rows.
// A busy database (or a PostgreSQL serialization failure or deadlock) is different: the error goes
// up and the queued work stays for the next drain.
export async function runLogged(subject: string | number, run: () => unknown): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (isTransientDatabaseError(error)) throw error;
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
    const what = typeof subject === "number" ? `employee ${subject}` : `role "${subject}"`;
    console.error(`[scores] recompute failed for ${what}: ${detail}`);
  }
}
