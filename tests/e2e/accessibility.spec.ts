import { createRequire } from "node:module";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { adminStorageState } from "./support/accounts";

const axePath = createRequire(__filename).resolve("axe-core/axe.min.js");

type AxeViolation = { id: string; impact: string | null; nodes: { target: string[] }[] };

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("the sign-in page has no serious accessibility problems", async ({ page }) => {
  await page.goto("/login");
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe("signed-in pages", () => {
  test.use({ storageState: adminStorageState });

  for (const path of ["/team", "/employees", "/employees/new", "/employees/import", "/settings", "/settings/users"]) {
    test(`${path} has no serious accessibility problems, also at phone width`, async ({ page }) => {
      await page.goto(path);
      expect(await seriousViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 375, height: 740 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, "horizontal scroll at 375px").toBeLessThanOrEqual(0);
    });
  }
});
