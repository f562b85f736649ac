import { expect, test } from "./support/test";
import { adminStorageState } from "./support/accounts";
import { listSeriousViolations, measureHorizontalOverflow } from "./support/axe";

// listSeriousViolations runs axe's default rules and WCAG 2.2 AA's (target size).

test("the sign-in page has no serious accessibility problems", async ({ page }) => {
  await page.goto("/login");
  expect(await listSeriousViolations(page)).toEqual([]);
});

test.describe("signed-in pages", () => {
  test.use({ storageState: adminStorageState });

  const paths = [
    "/team",
    "/employees",
    "/employees/new",
    "/employees/import",
    "/settings",
    "/settings/users",
    "/settings/products",
    "/settings/products/phone-system/mapping",
  ];
  for (const path of paths) {
    test(`${path} has no serious accessibility problems, also at phone width`, async ({ page }) => {
      await page.goto(path);
      expect(await listSeriousViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 375, height: 740 });
      expect(await measureHorizontalOverflow(page), "horizontal scroll at 375px").toBeLessThanOrEqual(0);
      expect(await listSeriousViolations(page), "at 375px").toEqual([]);
    });
  }
});
