import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { createEmployee, createOrganization, createUser, uniqueSuffix } from "@/tests/factories";
import { adminStorageState } from "./support/accounts";
import { getE2eDb, getFirstOrganization } from "./support/e2e-db";
import { signIn } from "./support/sign-in";

test.use({ storageState: adminStorageState });

/**
 * React's recoverable errors (#418 and kin: the server's HTML and the browser's first render differ). One made the
 * form re-render in the browser and drop what was typed before, which is how these tests were flaky: the time
 * zone picker labelled zones with the browser's own offsets, and Chromium's time-zone data differs from Node's.
 */
function watchHydrationErrors(page: Page): string[] {
  const errors: string[] = [];
  const isHydrationError = (text: string) => /hydrat|Minified React error #4(18|19|20|21|22|23|25)\b/i.test(text);
  page.on("pageerror", (error) => {
    if (isHydrationError(error.message)) errors.push(error.message);
  });
  page.on("console", (message) => {
    if (message.type() === "error" && isHydrationError(message.text())) errors.push(message.text());
  });
  return errors;
}

test("the admin adds, edits and deactivates an employee, with errors shown beside the fields", async ({ page }) => {
  const hydrationErrors = watchHydrationErrors(page);
  const tag = uniqueSuffix();
  const boss = await createEmployee(getE2eDb(), await getFirstOrganization(), { name: `Boss ${tag}` });
  await page.goto("/employees/new");
  await page.getByLabel("Name").fill(`Nia ${tag}`);
  await page.getByLabel("Email").fill(`nia-${tag}@firstlight.test`);
  await page.getByLabel("Phone (optional)").fill("call me maybe");
  await page.getByLabel("Time zone").selectOption("Asia/Tokyo");
  await page.getByRole("button", { name: "Add employee" }).click();
  await expect(page.getByText("Enter a phone number, such as +1 415 555 0100.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue(`Nia ${tag}`);
  await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Tokyo");

  await page.getByLabel("Phone (optional)").fill("+49 30 1234567");
  await page.getByRole("button", { name: "Add employee" }).click();
  await expect(page.getByRole("heading", { name: `Nia ${tag}` })).toBeVisible();
  await expect(page.getByText("+49 30 1234567")).toBeVisible();

  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Title (optional)").fill("Analyst");
  await page.getByLabel("Manager").selectOption({ label: `${boss.name} (${boss.email})` });
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Analyst ·")).toBeVisible();
  await expect(page.getByRole("link", { name: boss.name })).toBeVisible();

  await page.getByRole("button", { name: "Deactivate" }).click();
  await page.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(page.getByRole("button", { name: "Reactivate" })).toBeVisible();
  await expect(page.getByText("Inactive", { exact: true })).toBeVisible();
  await page.goto("/team");
  await expect(page.getByText(`Nia ${tag}`)).toHaveCount(0);
  expect(hydrationErrors).toEqual([]);
});

test.describe("in an organization of its own", () => {
  // Settings change organization-wide state, so this runs in a fresh organization, not the shared first one.
  test.use({ storageState: { cookies: [], origins: [] } });

  test("an admin changes the organization's general settings", async ({ page }) => {
    const hydrationErrors = watchHydrationErrors(page);
    const db = getE2eDb();
    const organization = await createOrganization(db, { timezone: "Europe/Berlin" });
    const admin = await createUser(db, organization, { role: "admin" });
    await signIn(page, admin.email, admin.password);
    await page.goto("/settings");
    await page.getByLabel("Day starts at (hour, 0–23)").fill("24");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Enter an hour from 0 to 23.")).toBeVisible();

    await page.getByLabel("Day starts at (hour, 0–23)").fill("4");
    await page.getByLabel("Saturday").check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status")).toHaveText("Settings saved.");
    await page.reload();
    await expect(page.getByLabel("Day starts at (hour, 0–23)")).toHaveValue("4");
    await expect(page.getByLabel("Saturday")).toBeChecked();
    await expect(page.getByLabel("Default time zone")).toHaveValue("Europe/Berlin");
    expect(hydrationErrors).toEqual([]);
  });
});
