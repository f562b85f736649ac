import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { formatDayKey } from "@/lib/dates";
import { countOrganizationCalls } from "@/db/queries/calls";
import { getLatestSyncRun } from "@/db/queries/sync";
import { adminStorageState } from "./support/accounts";
import { connectDialpad, emulatorAdmin } from "./support/connect-dialpad";
import { getE2eDb, getFirstOrganization } from "./support/e2e-db";

async function latestRun(kind: "backfill" | "incremental" | "resync") {
  return getLatestSyncRun(getE2eDb(), (await getFirstOrganization()).id, [kind]);
}

/** The newest row of the runs history once no run is in progress any more. */
async function newestFinishedRow(page: Page) {
  await expect(page.getByTestId("sync-progress")).toHaveCount(0, { timeout: 30_000 });
  return page.getByTestId("sync-runs").locator("tbody tr").first();
}

test.describe.serial("Settings → Products → Phone System: call sync", () => {
  test.use({ storageState: adminStorageState });

  test("connecting starts a backfill whose result shows in the history", async ({ page }) => {
    await connectDialpad(page);
    await expect(page.getByRole("heading", { name: "Call sync" })).toBeVisible();
    const row = await newestFinishedRow(page);
    const backfill = await latestRun("backfill");
    expect(backfill?.status).toBe("succeeded");
    const calls = await countOrganizationCalls(getE2eDb(), (await getFirstOrganization()).id);
    expect(calls).toBeGreaterThan(0);
    await expect(page.getByTestId("sync-runs")).toContainText("Backfill after connecting");
    await expect(row).toContainText("Done");
    await expect(page.getByText("Dialpad sends call events as they happen; Daymark also checks every 5 minutes.")).toBeVisible();
  });

  test("Sync now runs an incremental sync and lists it", async ({ page }) => {
    await page.goto("/settings/products");
    await page.getByRole("button", { name: "Sync now" }).click();
    // The message follows the run: "Sync started." while it runs, then what it brought.
    await expect(page.getByText(/^Sync finished · \d+ new calls?$/)).toBeVisible({ timeout: 30_000 });
    await page.reload();
    const row = await newestFinishedRow(page);
    await expect(row).toContainText("Incremental sync by an admin");
    await expect(row).toContainText("Done");
    expect((await latestRun("incremental"))?.status).toBe("succeeded");
  });

  test("Re-sync a date range reads those days again", async ({ page }) => {
    await page.goto("/settings/products");
    await page.getByText("Re-sync a date range", { exact: true }).click();
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
    await page.getByLabel("From", { exact: true }).fill(today);
    await page.getByLabel("To", { exact: true }).fill(today);
    await page.getByRole("button", { name: "Re-sync these days" }).click();
    await expect(page.getByText("Re-sync started. Progress shows above.")).toBeVisible();
    await page.reload();
    const row = await newestFinishedRow(page);
    await expect(row).toContainText(`Re-sync by an admin · ${formatDayKey(today)}`);
    expect((await latestRun("resync"))?.windowsTotal).toBe(1);
  });

  test("a failed sync says what happened and what to do next", async ({ page }) => {
    // Dialpad asks to wait two minutes: the run stops rather than hold the sync for that long.
    await emulatorAdmin("faults", { kind: "429", pathPrefix: "/api/v2/call", retryAfterSeconds: 120, times: 1 });
    await page.goto("/settings/products");
    await page.getByRole("button", { name: "Sync now" }).click();
    await expect(page.getByText("The sync failed; see why above.")).toBeVisible({ timeout: 30_000 });
    await page.reload();
    await newestFinishedRow(page);
    await expect(page.getByTestId("sync-failure")).toHaveText(
      "The last sync failed: Dialpad kept asking Daymark to slow down (HTTP 429). Daymark tries again at the next scheduled sync, or choose Sync now. The sync continues from where it stopped; nothing already synced is lost.",
    );
  });

  test("sync settings are validated and saved", async ({ page }) => {
    await page.goto("/settings/products");
    await page.getByText("Sync settings", { exact: true }).click();
    await page.getByLabel("Backfill (days)").fill("0");
    await page.getByRole("button", { name: "Save sync settings" }).click();
    await expect(page.getByText("At least 1 day.")).toBeVisible();
    await page.getByLabel("Backfill (days)").fill("45");
    await page.getByRole("button", { name: "Save sync settings" }).click();
    await expect(page.getByText("Sync settings saved. A longer backfill fetches the older days now; the rest applies from the next sync.")).toBeVisible();
    await page.reload();
    // Raised from 30 to 45 days: the 15 older days are fetched on their own (Dialpad's earlier 429 may still slow it).
    await expect(page.getByTestId("sync-runs").locator("tbody tr").first()).toContainText("Backfill by an admin");
    const olderDays = await latestRun("backfill");
    expect([olderDays?.trigger, Math.round((olderDays!.rangeEnd - olderDays!.rangeStart) / 86_400_000)]).toEqual(["admin", 15]);
    await page.getByText("Sync settings", { exact: true }).click();
    await expect(page.getByLabel("Backfill (days)")).toHaveValue("45");
  });
});
