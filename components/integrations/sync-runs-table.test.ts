import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { SyncRunView } from "@/lib/services/sync/get-sync-overview";
import { formatLimitShare, formatRunDays, SyncRunsTable } from "./sync-runs-table";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/\s+/g, " ");
const startedAt = Date.UTC(2026, 2, 11, 15);

const run = (overrides: Partial<SyncRunView>): SyncRunView => ({
  id: 1, kind: "incremental", trigger: "schedule", status: "succeeded", rangeStart: startedAt - 2 * 3_600_000, rangeEnd: startedAt,
  startedAt, finishedAt: startedAt + 60_000, pages: 300, callsAdded: 4, callsUpdated: 1_200, quarantined: 0,
  requestCount: 312, limitShare: 312 / (20 * 60), retryCount: 2, errorCount: 0, errorMessage: null,
  progress: { daysCovered: 1, daysTotal: 1, callsSoFar: 1_204, callsPerSecond: null },
  ...overrides,
});

describe("SyncRunsTable", () => {
  it("shows each run's requests with its share of Dialpad's limit, and retries apart from errors", () => {
    const html = renderToStaticMarkup(createElement(SyncRunsTable, { runs: [run({})], timeZone: "America/New_York" }));
    const shown = text(html);
    expect(shown).toContain("Calls added Calls updated Requests Retries Errors Result");
    expect(shown).toContain("Incremental sync on schedule · last 2 hours");
    expect(shown).toContain("4 1,200 312 (26% of Dialpad's limit) 2 0 Done");
  });

  it("shows the local days a re-sync or backfill covered", () => {
    const dayStart = Date.UTC(2026, 2, 1, 5); // 00:00 EST on Sun 1 Mar 2026
    const resync = run({ kind: "resync", trigger: "admin", rangeStart: dayStart, rangeEnd: dayStart + 10 * 86_400_000 - 3_600_000 });
    const html = renderToStaticMarkup(createElement(SyncRunsTable, { runs: [resync], timeZone: "America/New_York" }));
    expect(text(html)).toContain("Re-sync by an admin · Sun 1 Mar 2026 – Tue 10 Mar 2026");
    const oneDay = { rangeStart: Date.UTC(2026, 2, 11, 8), rangeEnd: Date.UTC(2026, 2, 12, 8) }; // 04:00–04:00 EDT
    expect(formatRunDays(oneDay, "America/New_York", 4)).toBe("Wed 11 Mar 2026");
  });

  it.each([
    [0.26, "26%"],
    [0.012, "1.2%"],
    [0.0004, "<0.1%"],
    [0, "0%"],
  ])("writes a share of %d as %s", (share, label) => {
    expect(formatLimitShare(share)).toBe(label);
  });
});
