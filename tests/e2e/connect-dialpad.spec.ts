import { expect, test } from "./support/test";
import { countOrganizationCalls } from "@/db/queries/calls";
import { getDialpadConnection } from "@/db/queries/dialpad-connections";
import { adminStorageState } from "./support/accounts";
import { answerDialpadConsent, emulatorAdmin, openDialpadPopup } from "./support/connect-dialpad";
import { getE2eDb, getFirstOrganization } from "./support/e2e-db";

type EmulatorCompanies = { items: { domain: string; users: { state: string; license: string | null }[] }[] };
type EmulatorStats = { revocations: number; tokenGrants: number };

async function storedConnection() {
  return getDialpadConnection(getE2eDb(), (await getFirstOrganization()).id);
}

async function expectedLicensedCount(): Promise<string> {
  const { items } = (await emulatorAdmin("companies")) as EmulatorCompanies;
  const users = items.find((company) => company.domain === "firstlight.test")!.users;
  // The same rule as the mapping page: active, with a licence that carries a phone line.
  const licensed = users.filter((user) => user.license && user.license !== "lite_support_agents" && user.state === "active").length;
  return `${licensed} of ${users.length}`;
}

// One connection per organization, so these run in order and each leaves a known state.
test.describe.serial("Settings → Products → Phone System: connect Dialpad", () => {
  test.use({ storageState: adminStorageState });

  test("Deny on Dialpad's page stores nothing and says so", async ({ page }) => {
    const popup = await openDialpadPopup(page);
    await answerDialpadConsent(popup, { decision: "Deny" });
    await expect(page.getByTestId("dialpad-result")).toHaveText(
      "Dialpad access was not allowed, so nothing was connected. Choose Allow on Dialpad's page to connect.",
    );
    expect(popup.isClosed()).toBe(true);
    expect(await storedConnection()).toBeUndefined();
  });

  test("closing the Dialpad window stores nothing and says so", async ({ page }) => {
    const popup = await openDialpadPopup(page);
    await popup.close();
    await expect(page.getByTestId("dialpad-result")).toHaveText(
      "The Dialpad window was closed before finishing, so nothing was connected.",
    );
    expect(await storedConnection()).toBeUndefined();
  });

  test("a Dialpad company on another domain is refused with an explanation and its grant revoked", async ({ page }) => {
    const before = (await emulatorAdmin("stats")) as EmulatorStats;
    const popup = await openDialpadPopup(page);
    await answerDialpadConsent(popup, { email: "admin@elsewhere.test", decision: "Allow" });
    await expect(page.getByTestId("dialpad-result")).toHaveText(
      "The Dialpad company you signed in to uses the domain elsewhere.test, but this organization is registered with firstlight.test. Sign in to the Dialpad company for firstlight.test.",
    );
    expect(await storedConnection()).toBeUndefined();
    const after = (await emulatorAdmin("stats")) as EmulatorStats;
    expect(after.revocations).toBe(before.revocations + 1);
  });

  test("Allow connects: success message, health, and only sealed tokens stored", async ({ page }) => {
    const popup = await openDialpadPopup(page);
    await answerDialpadConsent(popup, { decision: "Allow" });
    await expect(page.getByTestId("dialpad-result")).toContainText(
      "Dialpad is connected: First Light Co (firstlight.test), connected by Ada Admin on",
    );
    await expect(page.getByTestId("dialpad-status")).toHaveText("Connected");
    await expect(page.getByText(await expectedLicensedCount())).toBeVisible();
    await expect(page.getByRole("link", { name: "map employees to Dialpad users" })).toBeVisible();

    const connection = await storedConnection();
    expect(connection?.status).toBe("connected");
    expect(connection?.accessTokenCipher).toMatch(/^v1\.k1\./);
    expect(connection?.refreshTokenCipher).toMatch(/^v1\.k1\./);
    const html = await page.content();
    expect(html).not.toContain("v1.k1.");
  });

  test("disconnect asks first, revokes at Dialpad, deletes tokens and keeps data when asked", async ({ page }) => {
    const before = (await emulatorAdmin("stats")) as EmulatorStats;
    await page.goto("/settings/products");
    await page.getByRole("button", { name: "Disconnect Dialpad" }).click();
    const dialog = page.getByRole("dialog", { name: "Disconnect Dialpad?" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByTestId("dialpad-status")).toHaveText("Connected");

    await page.getByRole("button", { name: "Disconnect Dialpad" }).click();
    await dialog.getByLabel("Keep them (scores and history stay)").check();
    await dialog.getByRole("button", { name: "Disconnect" }).click();
    await expect(page.getByTestId("dialpad-result")).toHaveText("Dialpad is disconnected and its tokens are deleted.");
    await expect(page.getByRole("combobox", { name: "Phone system" })).toBeVisible();

    const connection = await storedConnection();
    expect(connection?.status).toBe("disconnected");
    expect(connection?.accessTokenCipher).toBeNull();
    expect(connection?.refreshTokenCipher).toBeNull();
    expect(((await emulatorAdmin("stats")) as EmulatorStats).revocations).toBe(before.revocations + 1);
  });

  test("where popups are blocked, the same window goes to Dialpad and comes back connected", async ({ page }) => {
    await page.addInitScript(() => {
      window.open = () => null;
    });
    await page.goto("/settings/products");
    await page.getByRole("combobox", { name: "Phone system" }).selectOption("dialpad");
    await page.getByRole("button", { name: "Authenticate with Dialpad" }).click();
    await answerDialpadConsent(page, { decision: "Allow" });
    await expect(page).toHaveURL(/\/settings\/products\?dialpad=connected$/);
    await expect(page.getByTestId("dialpad-result")).toContainText("Dialpad is connected: First Light Co");
  });

  test("after invalid_grant the card says reconnect is needed, and one click reconnects keeping the data", async ({ page }) => {
    await page.goto("/settings/products");
    await expect(page.getByTestId("dialpad-status")).toHaveText("Connected");
    const organizationId = (await getFirstOrganization()).id;
    const countCalls = () => countOrganizationCalls(getE2eDb(), organizationId);

    await expect.poll(countCalls, { timeout: 30_000 }).toBeGreaterThan(0);

    // Dialpad forgets the access token and then refuses the refresh token.
    await emulatorAdmin("faults", { kind: "invalid_grant", times: 1 });
    await emulatorAdmin("faults", { kind: "expire_tokens" });
    await page.getByRole("button", { name: "Sync now" }).click();
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("dialpad-status")).toHaveText("Reconnect needed", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(
      page.getByRole("alert").filter({ hasText: "Dialpad no longer accepts Daymark's authorization (invalid_grant)." }),
    ).toHaveText("Dialpad no longer accepts Daymark's authorization (invalid_grant). Reconnect Dialpad; all synced data is kept.");
    expect((await storedConnection())?.status).toBe("reconnect_needed");
    const callsBefore = await countCalls();

    const popupPromise = page.waitForEvent("popup");
    await page.getByRole("button", { name: "Reconnect Dialpad" }).click();
    await answerDialpadConsent(await popupPromise, { decision: "Allow" });
    await expect(page.getByTestId("dialpad-result")).toContainText("Dialpad is connected: First Light Co");
    await expect(page.getByTestId("dialpad-status")).toHaveText("Connected");
    expect(await countCalls()).toBeGreaterThanOrEqual(callsBefore);
    expect((await storedConnection())?.lastErrorMessage).toBeNull();
  });
});
