import { expect, test } from "./support/test";
import { updateEmployee } from "@/db/queries/employees";
import { deleteQueueRows, insertQueueRows, listQueueRows, newQueueBatch } from "@/db/queries/score-queue";
import { recordQueueFailures } from "@/db/queries/score-queue-status";
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
  await expect(page.getByText("Saved. The role's days are being rescored.")).toBeVisible();
  await expect(row).toContainText("Own settings");
  await expect(row).toContainText("1h 30m talk, 10 calls");
  expect(await listSeriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 375, height: 740 });
  expect(await measureHorizontalOverflow(page)).toBeLessThanOrEqual(0);

  await page.getByRole("button", { name: "Use the default role's settings" }).click();
  await expect(row).toContainText(followsDefault);
});

test("the settings say a recalculation is running with its progress, and list work that failed every try with Retry", async ({ page }) => {
  const db = getE2eDb();
  const organization = await getFirstOrganization();
  // A time zone stored before validation existed: every try at this employee's scores fails.
  const name = `Zed ${uniqueSuffix()}`;
  const broken = await createEmployee(db, organization, { name, timezone: "Mars/Olympus_Mons", isActive: false });
  await insertQueueRows(db, organization.id, [{ kind: "employee", employeeId: broken.id }], newQueueBatch("employees", 1));
  try {
    await page.goto("/settings");
    const banner = page.getByTestId("recalculation");
    await expect(banner).toContainText("Recalculating scores…");
    await expect(banner).toContainText("0 of 1 employee");

    const [row] = (await listQueueRows(db, organization.id)).filter((queued) => queued.employeeId === broken.id);
    await recordQueueFailures(db, organization.id, [{ id: row!.id, error: "RangeError: Unknown time zone: Mars/Olympus_Mons", retryAt: null }], Date.now());
    await page.goto("/settings/scoring");
    const failures = page.getByTestId("failed-score-work");
    const item = failures.getByRole("listitem").filter({ hasText: `Employee ${name}` });
    await expect(item).toContainText("RangeError: Unknown time zone: Mars/Olympus_Mons");
    await expect(banner).toHaveCount(0);
    expect(await listSeriousViolations(page)).toEqual([]);

    await item.getByRole("button", { name: "Retry" }).click();
    await expect(item).toHaveCount(0);
    await expect(banner).toContainText("0 of 1 employee");
  } finally {
    const rows = (await listQueueRows(db, organization.id)).filter((queued) => queued.employeeId === broken.id);
    await deleteQueueRows(db, organization.id, rows.map((queued) => queued.id));
    await updateEmployee(db, { organizationId: organization.id, employeeId: broken.id }, { timezone: null });
  }
});
