import { describe, expect, it } from "vitest";
import { waitFor } from "./wait-for";

describe("waitFor", () => {
  it("resolves with the condition's first truthy value", async () => {
    let polls = 0;
    await expect(waitFor(() => (++polls >= 3 ? `after ${polls}` : null), { what: "the third poll", intervalMs: 1 })).resolves.toBe("after 3");
  });

  it("treats a throwing condition as not yet, and on timeout names what it waited for and the last error", async () => {
    const waiting = waitFor(
      () => {
        throw new Error("run 3 is still running");
      },
      { what: "run 3 to finish", timeoutMs: 20, intervalMs: 1 },
    );
    await expect(waiting).rejects.toThrow("Timed out after 20 ms waiting for run 3 to finish (last attempt: run 3 is still running)");
  });
});
