import { expect, type Page } from "@playwright/test";
import { emulatorUrl } from "../env";

export const dialpadPassword = "dialpad";
export const dialpadAdminEmail = "admin@firstlight.test";

/** Drives the seed's path in the admin's page: Settings → Products → Phone System → Dialpad → popup. */
export async function openDialpadPopup(page: Page): Promise<Page> {
  await page.goto("/settings/products");
  await page.getByRole("combobox", { name: "Phone system" }).selectOption("dialpad");
  const popupPromise = page.waitForEvent("popup");
  await page.getByRole("button", { name: "Authenticate with Dialpad" }).click();
  const popup = await popupPromise;
  await expect(popup.getByLabel("Email")).toBeVisible();
  return popup;
}

/** Signs in on the emulator's Dialpad page and answers the consent screen. */
export async function answerDialpadConsent(
  popup: Page,
  options: { email?: string; decision: "Allow" | "Deny" },
): Promise<void> {
  await popup.getByLabel("Email").fill(options.email ?? dialpadAdminEmail);
  await popup.getByLabel("Password").fill(dialpadPassword);
  await popup.getByRole("button", { name: "Sign in" }).click();
  await expect(popup.getByText("Daymark").first()).toBeVisible();
  await popup.getByRole("button", { name: options.decision }).click();
}

/** Connects Dialpad through the UI unless it is already connected; leaves the page on the Products page. */
export async function connectDialpad(page: Page): Promise<void> {
  await page.goto("/settings/products");
  if (await page.getByTestId("dialpad-status").filter({ hasText: "Connected" }).count()) return;
  const popup = await openDialpadPopup(page);
  await answerDialpadConsent(popup, { decision: "Allow" });
  await expect(page.getByTestId("dialpad-result")).toContainText("Dialpad is connected");
}

/** Test controls of the emulator (never part of the Dialpad surface). */
export async function emulatorAdmin(path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${emulatorUrl}/__admin/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator admin ${path} answered ${response.status}`);
  return response.status === 204 ? null : response.json();
}
