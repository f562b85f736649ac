import { expect, test } from "./support/test";
import { createEmployee, uniqueSuffix } from "@/tests/factories";
import { adminStorageState } from "./support/accounts";
import { listSeriousViolations, measureHorizontalOverflow } from "./support/axe";
import { getE2eDb, getFirstOrganization } from "./support/e2e-db";

test.use({ storageState: adminStorageState });

test("an admin sets a role's weights and targets, then returns it to the default role's", async ({ page }) => {
  const role = `Closer ${uniqueSuffix()}`;
  await createEmployee(getE2eDb(), await getFirstOrganization(), { title: role });
  await page.goto("/settings");
  await page.getByRole("link", { name: "Scoring" }).click();
  const row = page.getByRole("row", { name: new RegExp(role) });
  const followsDefault = /Daymark's defaults|Default role's settings/;
  await expect(row).toContainText(followsDefault);

  await row.getByRole("link", { name: `Edit ${role}` }).click();
  await expect(page.getByRole("heading", { name: `Settings for ${role}` })).toBeVisible();
  await page.getByLabel("Talk time weight (0–5)").fill("7");
  await page.getByRole("button", { name: "Save and rescore" }).click();
  await expect(page.getByText("Enter a whole number from 0 to 5.")).toBeVisible();

  await page.getByLabel("Talk time weight (0–5)").fill("4");
  await page.getByLabel("Connected calls weight (0–5)").fill("1");
  await page.getByLabel("Default talk time target (minutes a day)").fill("90");
  await page.getByRole("button", { name: "Save and rescore" }).click();
  await expect(page.getByText("Saved. The role's days were rescored.")).toBeVisible();
  await expect(row).toContainText("Own settings");
  await expect(row).toContainText("1h 30m talk, 10 calls");
  expect(await listSeriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 375, height: 740 });
  expect(await measureHorizontalOverflow(page)).toBeLessThanOrEqual(0);

  await page.getByRole("button", { name: "Use the default role's settings" }).click();
  await expect(row).toContainText(followsDefault);
});
