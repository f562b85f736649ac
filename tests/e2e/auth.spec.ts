import { expect, test } from "./support/test";
import { getSignInThrottle } from "@/db/queries/sign-in-throttles";
import { setUserActive } from "@/lib/services/users/update-user-access";
import { createUser, toViewer } from "@/tests/factories";
import { firstAdmin } from "./support/accounts";
import { getE2eDb, getFirstOrganization } from "./support/e2e-db";
import { signIn, signOut } from "./support/sign-in";

test("a wrong password is refused without saying which part was wrong", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(firstAdmin.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel("Email")).toHaveValue(firstAdmin.email);
});

test("sign in returns to the page asked for, and sign out ends the session", async ({ page }) => {
  await page.goto("/employees?q=ada");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Femployees%3Fq%3Dada$/);
  await page.getByLabel("Email").fill(firstAdmin.email);
  await page.getByLabel("Password").fill(firstAdmin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/employees\?q=ada$/);
  await expect(page.getByRole("heading", { name: "Employees" })).toBeVisible();

  await signOut(page);
  await page.goto("/team");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fteam$/);
});

test("a deactivated user is signed out at their next request", async ({ page }) => {
  const db = getE2eDb();
  const organization = await getFirstOrganization();
  const user = await createUser(db, organization, { name: "Dee Parting", role: "employee" });
  await signIn(page, user.email, user.password);
  await expect(page.getByTestId("viewer-name")).toHaveText("Dee Parting");

  const admin = await createUser(db, organization, { role: "admin" });
  await setUserActive(db, toViewer(admin), { userId: user.id, isActive: false });
  await page.goto("/team");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");
});

test("after five failed sign-ins from one address that address waits, even with the right password", async ({ page }) => {
  const db = getE2eDb();
  // A factory user, so the shared first admin is never locked out.
  const user = await createUser(db, await getFirstOrganization(), { role: "employee" });
  const alert = page.locator("form").getByRole("alert");
  const submit = async (password: string) => {
    // React resets the form when the previous attempt settles, so fill only once it has.
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  await page.goto("/login");
  for (let failures = 1; failures <= 5; failures += 1) {
    await submit(`wrong-password-${failures}`);
    await expect.poll(async () => (await getSignInThrottle(db, `email:${user.email}`))?.failureCount).toBe(failures);
    await expect(alert).toHaveText("Email or password is incorrect.");
  }
  await submit(user.password);
  await expect(alert).toHaveText("Too many failed sign-ins. Wait a few minutes and try again.");
  await expect(page).toHaveURL(/\/login$/);
});
