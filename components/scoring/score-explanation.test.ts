import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { computeScore } from "@/lib/scoring/score";
import { ScoreExplanation } from "./score-explanation";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/&amp;/g, "&").replace(/\s+/g, " ");

describe("ScoreExplanation", () => {
  it("shows each signal's value, baseline, ratio, weight and points, the arithmetic and the uncounted calls", () => {
    const breakdown = computeScore({
      isWorkDay: true,
      signals: [
        { key: "talkTime", value: 30 * 60_000, baseline: { value: 60 * 60_000, source: "default", days: 0 }, weight: 3 },
        { key: "connectedCalls", value: 2, baseline: { value: 1, source: "peers", days: 7 }, weight: 2 },
      ],
    });
    const html = renderToStaticMarkup(createElement(ScoreExplanation, {
      breakdown,
      timeZone: "America/New_York",
      uncounted: [{ dialpadCallId: "9", startedAt: Date.parse("2026-03-10T18:05:00Z"), kind: "voicemail_received",
        reason: "Voicemail left for this person: flagged and not counted.", isFlagged: true }],
    }));
    const shown = text(html);
    expect(shown).toContain("How is this calculated?");
    expect(shown).toContain("Talk time 30m 00s 1h 00m (default target) 0.5× 3 30");
    expect(shown).toContain("Connected calls 2 calls 1 call (role median, 7 person-days) 2× 2 100");
    expect(shown).toContain("Score = (3 × 30 + 2 × 100) ÷ 5 = 58, rounded to 58.");
    expect(shown).toContain("14:05 · Voicemail received (flagged) : Voicemail left for this person: flagged and not counted.");
    expect(shown).toContain("At the baseline a signal earns 60 points");
  });

  it("says when there is nothing to explain and no call went uncounted", () => {
    const shown = text(renderToStaticMarkup(createElement(ScoreExplanation, { breakdown: null, uncounted: [], timeZone: "UTC" })));
    expect(shown).toContain("There is no score to explain for this day yet.");
    expect(shown).toContain("None: every call that started this day counted.");
  });
});
