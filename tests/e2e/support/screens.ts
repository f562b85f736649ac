import { expect, type Page, type TestInfo } from "@playwright/test";
import { listSeriousViolations, measureHorizontalOverflow } from "./axe";

/** Screenshots at 1440 and 390 px for a person to look at, with axe (WCAG 2.2 AA too) and no sideways scroll at 390. */
export async function checkBothWidths(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  expect(await listSeriousViolations(page), `${name} at 1440px`).toEqual([]);
  await testInfo.attach(`${name}-1440.png`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await measureHorizontalOverflow(page), `${name}: horizontal scroll at 390px`).toBeLessThanOrEqual(0);
  expect(await listSeriousViolations(page), `${name} at 390px`).toEqual([]);
  await testInfo.attach(`${name}-390.png`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  await page.setViewportSize({ width: 1440, height: 900 });
}
