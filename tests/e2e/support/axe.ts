import { createRequire } from "node:module";
import type { Page } from "@playwright/test";

const axePath = createRequire(__filename).resolve("axe-core/axe.min.js");

type AxeViolation = { id: string; impact: string | null; nodes: { target: string[] }[] };

/**
 * axe-core's serious and critical violations on the current page, as "rule: selectors" lines. Its default
 * rules plus WCAG 2.2 AA's (the wcag22aa tag: target-size, off by default), so 24 × 24 px targets are checked.
 */
export async function listSeriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    type RunOptions = { rules: Record<string, { enabled: boolean }> };
    const axe = (window as unknown as { axe: { run: (context: Document, options: RunOptions) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { rules: { "target-size": { enabled: true } } })).violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** How far the page scrolls sideways at its current width (0 = fits). */
export async function measureHorizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
