export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

// One bad row (say, an employee whose stored time zone no longer exists) must not stall every
// later score, so the recompute logs a failure and drops that piece of work with its queue rows.
export async function runLogged(subject: string | number, run: () => unknown): Promise<void> {
  try {
    await run();
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
    const what = typeof subject === "number" ? `employee ${subject}` : `role "${subject}"`;
    console.error(`[scores] recompute failed for ${what}: ${detail}`);
  }
}
