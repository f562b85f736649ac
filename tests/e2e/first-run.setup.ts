import { expect, test as setup } from "./support/test";
import { adminStorageState, firstAdmin, firstOrg } from "./support/accounts";
import { expectNotFoundPage, signIn } from "./support/sign-in";

// Runs once against the fresh database, before every other spec (the "setup" project).
setup("first run: register the organization and its admin, then sign in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up Daymark" })).toBeVisible();

  await page.getByLabel("Organization name").fill(firstOrg.name);
  await page.getByLabel("Email domain").fill(firstOrg.domain);
  await page.getByLabel("Default time zone").selectOption(firstOrg.timezone);
  await page.getByLabel("Country for phone numbers").selectOption(firstOrg.country);
  await page.getByLabel("Your name").fill(firstAdmin.name);
  await page.getByLabel("Your email").fill("ada@elsewhere.test");
  await page.getByLabel("Password").fill(firstAdmin.password);
  await page.getByRole("button", { name: "Create organization" }).click();

  // The admin's email must be in the domain; the error is inline and the other fields keep their values.
  await expect(page.getByText("The admin's email must be in the organization's domain.")).toBeVisible();
  await expect(page.getByLabel("Your email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Organization name")).toHaveValue(firstOrg.name);
  await expect(page.getByLabel("Default time zone")).toHaveValue(firstOrg.timezone);

  await page.getByLabel("Your email").fill(firstAdmin.email);
  await page.getByLabel("Password").fill(firstAdmin.password);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/login\?setup=1$/);
  await expect(page.getByRole("status")).toContainText("Your organization is ready");

  await expectNotFoundPage(page, "/setup");

  await signIn(page, firstAdmin.email, firstAdmin.password);
  await expect(page).toHaveURL(/\/team$/);
  await expect(page.getByTestId("viewer-name")).toHaveText(firstAdmin.name);
  await expect(page.getByText(`${firstOrg.name} · admin`)).toBeVisible();
  await page.context().storageState({ path: adminStorageState });
});
