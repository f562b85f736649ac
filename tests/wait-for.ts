// The one way tests wait for something another process or a background task does: poll a condition,
// bounded, and on timeout say what was awaited. The bound is for a broken run, not a speed check.

export interface WaitForOptions {
  /** What the test waits for, as the failure should read: "run 3 to finish". */
  what: string;
  /** Keep it under the test's own timeout so this message, not vitest's, reports the failure. */
  timeoutMs?: number;
  intervalMs?: number;
}

export const defaultWaitForTimeoutMs = 20_000;

/** Resolves with the condition's first truthy value; a condition that throws counts as not yet. */
export async function waitFor<T>(condition: () => T | Promise<T>, options: WaitForOptions): Promise<T> {
  const timeoutMs = options.timeoutMs ?? defaultWaitForTimeoutMs;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const detail = lastError instanceof Error ? ` (last attempt: ${lastError.message})` : "";
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${options.what}${detail}`, { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 10));
  }
}
