import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { getSignInThrottle } from "@/db/queries/sign-in-throttles";
import { createUser } from "@/tests/factories";
import { getE2eDb, getFirstOrganization } from "./support/e2e-db";
import { signIn, signOut } from "./support/sign-in";

// Factory users only: ending the shared first admin's sessions would sign out every other spec.
async function newUser(role: "admin" | "employee", name: string) {
  return createUser(getE2eDb(), await getFirstOrganization(), { role, name });
}

async function signedInPage(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  return page;
}

async function expectSignedOut(page: Page) {
  await page.goto("/team");
  await expect(page).toHaveURL(/\/login(\?|$)/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
}

test("a session cookie saved before sign-out reads nothing afterwards", async ({ browser }) => {
  const user = await newUser("employee", "Cora Cookie");
  const page = await signedInPage(browser, user.email, user.password);
  const saved = await page.context().storageState();
  // A route handler re-checks the session: an employee is told 404 while signed in, sent to sign-in after.
  const authorize = async (p: Page) => p.request.get("/api/integrations/dialpad/authorize", { maxRedirects: 0 });
  expect((await authorize(page)).status()).toBe(404);
  await signOut(page);

  const replay = await (await browser.newContext({ storageState: saved })).newPage();
  const after = await authorize(replay);
  expect([after.status(), new URL(after.headers().location ?? "", "http://x").pathname]).toEqual([307, "/login"]);
  expect(await (await replay.request.get("/api/auth/session")).json()).toEqual({});
  await expectSignedOut(replay);
});

test("sign out everywhere on the account page ends the user's sessions in every browser", async ({ browser }) => {
  const user = await newUser("employee", "Sam Several");
  const [laptop, phone] = [await signedInPage(browser, user.email, user.password), await signedInPage(browser, user.email, user.password)];
  await laptop.getByTestId("viewer-name").click();
  await expect(laptop.getByRole("heading", { name: "Your account" })).toBeVisible();
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop.getByRole("status")).toHaveText("You were signed out everywhere.");
  await expectSignedOut(phone);
  await expectSignedOut(laptop);
});

test("an admin signs a user out everywhere from Settings → Users", async ({ browser }) => {
  const admin = await newUser("admin", "Ida Admin");
  const user = await newUser("employee", "Una Ended");
  const userPage = await signedInPage(browser, user.email, user.password);
  const adminPage = await signedInPage(browser, admin.email, admin.password);
  await adminPage.goto("/settings/users");
  const row = adminPage.getByRole("row").filter({ hasText: user.email });
  await row.getByRole("button", { name: "Sign out everywhere Una Ended" }).click();
  await expect(row.getByRole("status")).toHaveText("Ended 1 session.");
  await expectSignedOut(userPage);
});

test("a user changes their own password with the current one, and is signed out everywhere", async ({ browser }) => {
  const user = await newUser("employee", "Pat Password");
  const [page, other] = [await signedInPage(browser, user.email, user.password), await signedInPage(browser, user.email, user.password)];
  await page.goto("/account");
  const fill = async (current: string) => {
    await page.getByLabel("Current password").fill(current);
    await page.getByLabel("New password", { exact: true }).fill("changed-password-1");
    await page.getByLabel("New password again").fill("changed-password-1");
    await page.getByRole("button", { name: "Change password" }).click();
  };
  await fill("not-the-password");
  await expect(page.getByText("The current password is incorrect.").first()).toBeVisible();
  await fill(user.password);
  await expect(page.getByRole("status")).toHaveText("Your password has changed and you were signed out everywhere. Sign in with the new password.");
  await expectSignedOut(other);
  await signIn(page, user.email, "changed-password-1");
  await expect(page.getByTestId("viewer-name")).toHaveText("Pat Password");
});

test("an admin's one-time reset link sets a new password once and ends the user's sessions", async ({ browser }) => {
  const admin = await newUser("admin", "Rae Resetter");
  const user = await newUser("employee", "Lou Locked");
  const userPage = await signedInPage(browser, user.email, user.password);
  const adminPage = await signedInPage(browser, admin.email, admin.password);
  await adminPage.goto("/settings/users");
  const row = adminPage.getByRole("row").filter({ hasText: user.email });
  await row.getByRole("button", { name: "Password reset link for Lou Locked" }).click();
  const link = await row.getByLabel("One-time link for Lou Locked, valid for one hour. Give it to them yourself:").inputValue();
  expect(link).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);

  const page = await (await browser.newContext()).newPage();
  await page.goto(new URL(link).pathname);
  await page.getByLabel("New password", { exact: true }).fill("reset-password-123");
  await page.getByLabel("New password again").fill("reset-password-123");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByRole("status")).toHaveText("Your new password is set. Sign in with it.");
  await expectSignedOut(userPage);
  await signIn(page, user.email, "reset-password-123");
  await expect(page.getByTestId("viewer-name")).toHaveText("Lou Locked");

  await page.goto(new URL(link).pathname);
  await expect(page.locator("main").getByRole("alert")).toHaveText("This reset link is invalid, used or expired. Ask an admin for a new one.");
});

test("sign-in failures count against the socket's address, whatever forwarding headers the client sends", async ({ browser }) => {
  const user = await newUser("employee", "Fay Forged");
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "6.6.6.6", "x-daymark-socket-address": "9.9.9.9" } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");
  const db = getE2eDb();
  expect(await getSignInThrottle(db, `pair:${user.email} 127.0.0.1`)).toMatchObject({ failureCount: 1 });
  expect([await getSignInThrottle(db, `pair:${user.email} 6.6.6.6`), await getSignInThrottle(db, `pair:${user.email} 9.9.9.9`)]).toEqual([undefined, undefined]);
});
