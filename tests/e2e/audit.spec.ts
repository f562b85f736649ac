import { expect, test } from "@playwright/test";
import { createEmployee, createViewer, uniqueSuffix } from "@/tests/factories";
import { adminStorageState, firstAdmin } from "./support/accounts";
import { listSeriousViolations } from "./support/axe";
import { getE2eDb, getFirstOrganization } from "./support/e2e-db";
import { expectForbiddenPage, signIn } from "./support/sign-in";

test.describe("as the admin", () => {
  test.use({ storageState: adminStorageState });

  test("a changed score setting is at the top of the audit log, which filters by action", async ({ page }) => {
    const role = `Auditor ${uniqueSuffix()}`;
    await createEmployee(getE2eDb(), await getFirstOrganization(), { title: role });
    await page.goto(`/settings/scoring?role=${encodeURIComponent(role)}`);
    await page.getByLabel("Talk time weight (0–5)").fill("3");
    await page.getByRole("button", { name: "Save and rescore" }).click();
    await expect(page.getByText("Saved. The role's days are being rescored.")).toBeVisible();

    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Audit" }).click();
    await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
    const table = page.getByRole("table", { name: "Audit log, newest first" });
    const firstRow = table.getByRole("row").nth(1);
    await expect(firstRow.getByRole("cell")).toHaveText([/\d{4}, \d{2}:\d{2}$/, firstAdmin.name, "Score settings changed", `score_role ${role}`, `Changed score settings for ${role}`]);
    expect(await listSeriousViolations(page)).toEqual([]);

    await page.getByLabel("Action").selectOption({ label: "Score settings changed" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/action=scores\.settings_changed/);
    await expect(firstRow).toContainText(`Changed score settings for ${role}`);
    await expect(table.getByRole("row").filter({ hasNotText: "Score settings changed" })).toHaveCount(1); // the header row

    await page.getByLabel("Action").selectOption({ label: "Data exported" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByText("No entries match these filters.")).toBeVisible();
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(firstRow).toContainText(`Changed score settings for ${role}`);
  });
});

test("a manager gets the no-access page for the audit log", async ({ page }) => {
  const manager = await createViewer(getE2eDb(), await getFirstOrganization(), { role: "manager", name: "Mona Auditless" });
  await signIn(page, manager.user.email, manager.user.password);
  await expectForbiddenPage(page, "/settings/audit");
});
