import { expect, type Page } from "@playwright/test";

/** Signs in through the login form and waits until the app has left /login. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/login");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
}

/** Asserts the 403 page a signed-in user gets for a page their role can't open, whatever ids it names. */
export async function expectForbiddenPage(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByText("Ask an admin of your organization if you need it.")).toBeVisible();
}

/** Asserts the app's 404 page: what unknown, foreign and out-of-scope pages all show. */
export async function expectNotFoundPage(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
}
