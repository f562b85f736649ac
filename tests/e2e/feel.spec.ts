import { expect, test } from "./support/test";
import { getFirstRunFacts } from "@/db/queries/first-run";
import { getEmployeeByEmail } from "@/db/queries/employees";
import { listEmployeeDialpadLinks } from "@/db/queries/mapping";
import { formatUtcOffset, getUtcOffsetMinutes } from "@/lib/time-zone-options";
import { createEmployee, uniqueSuffix } from "@/tests/factories";
import { adminStorageState } from "./support/accounts";
import { listSeriousViolations } from "./support/axe";
import { connectDialpad, emulatorAdmin } from "./support/connect-dialpad";
import { getE2eDb, getFirstOrganization } from "./support/e2e-db";
import { checkBothWidths } from "./support/screens";

// Issue 16 (how Daymark feels) on the pages FEEL owns, and issue 15 points 6 and 8.

const mappingPath = "/settings/products/phone-system/mapping";

test("the favicon and the app icon are served", async ({ request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toContain("image/");
  const svg = await request.get("/icon.svg");
  expect(svg.status()).toBe(200);
});

test.describe.serial("How the settings pages feel", () => {
  test.use({ storageState: adminStorageState });

  test("Products: Connection, Call sync and Sync history cards, breadcrumbs and a styled disconnect dialog", async ({ page }, testInfo) => {
    await connectDialpad(page);
    await page.goto("/settings/products");
    await expect(page).toHaveTitle("Products · Settings · Daymark");
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toHaveText("SettingsProducts");
    for (const card of ["Phone system connection", "Call sync", "Sync history"]) {
      await expect(page.getByRole("heading", { level: 2, name: card, exact: true })).toBeVisible();
    }
    // The scheduler may have run an incremental sync since: the backfill is then the second row.
    const backfill = page.getByTestId("sync-runs").locator("tbody tr").filter({ hasText: "Backfill after connecting" });
    await expect(backfill.first()).toContainText(/Backfill after connecting · \w{3} \d{1,2} \w{3} \d{4}/);
    await checkBothWidths(page, testInfo, "products");

    await page.getByRole("button", { name: "Disconnect Dialpad" }).click();
    const dialog = page.getByRole("dialog", { name: "Disconnect Dialpad?" });
    await expect(dialog).toBeVisible();
    expect(await listSeriousViolations(page)).toEqual([]);
    await testInfo.attach("disconnect-dialog-1440.png", { body: await page.screenshot(), contentType: "image/png" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
  });

  test("Settings shows the first-run checklist ticked from what is stored", async ({ page }, testInfo) => {
    const organization = await getFirstOrganization();
    const facts = await getFirstRunFacts(getE2eDb(), organization.id);
    await page.goto("/settings");
    const checklist = page.getByTestId("first-run-checklist");
    if (facts.hasMappedEmployee && facts.hasScoredDay) {
      await expect(checklist).toHaveCount(0);
      return;
    }
    const done = 1 + Number(facts.hasMappedEmployee) + Number(facts.hasScoredDay);
    await expect(checklist.getByText(`${done} of 3 steps done`)).toBeVisible();
    await expect(checklist.getByRole("listitem")).toHaveText([
      /Connect Dialpad \(done\)/,
      facts.hasMappedEmployee ? /Map employees \(done\)/ : /Map employees \(to do\)/,
      facts.hasScoredDay ? /Review scores \(done\)/ : /Review scores \(to do\)/,
    ]);
    await checkBothWidths(page, testInfo, "settings");
  });

  test("time-zone pickers show UTC offsets, current names only, and can be searched", async ({ page }, testInfo) => {
    await page.goto("/settings");
    const picker = page.getByRole("combobox", { name: "Default time zone" });
    const options = picker.locator("option");
    const labels = await options.allTextContents();
    const newYork = `${formatUtcOffset(getUtcOffsetMinutes("America/New_York", Date.now()))} America/New_York`;
    expect(labels).toContain(newYork);
    expect(labels.filter((label) => /Asia\/Calcutta|Asia\/Saigon|Europe\/Kiev$/.test(label))).toEqual([]);
    await page.getByLabel("Search zones").fill("kolkata");
    await expect(page.getByText("1 zone matches")).toBeVisible();
    // The chosen zone (Europe/Berlin) stays listed while searching, so nothing changes by surprise.
    expect(await options.allTextContents()).toEqual([
      `${formatUtcOffset(getUtcOffsetMinutes("Europe/Berlin", Date.now()))} Europe/Berlin`,
      "(UTC+05:30) Asia/Kolkata",
    ]);
    await testInfo.attach("settings-time-zone-search-1440.png", { body: await page.screenshot(), contentType: "image/png" });
  });

  test("mapping: taking a held Dialpad user and clearing ask first, and focus returns to Choose…", async ({ page }, testInfo) => {
    const db = getE2eDb();
    const organization = await getFirstOrganization();
    const { items } = (await emulatorAdmin("companies")) as { items: { domain: string; users: { id: string; firstName: string; lastName: string; email: string; state: string; license: string | null }[] }[] };
    const holderUser = items.find((c) => c.domain === "firstlight.test")!.users.filter((u) => u.state === "active" && u.license !== "lite_support_agents")[5]!;
    const holder =
      (await getEmployeeByEmail(db, { organizationId: organization.id, email: holderUser.email })) ??
      (await createEmployee(db, organization, { name: `Holder ${uniqueSuffix()}`, email: holderUser.email }));
    const taker = await createEmployee(db, organization, { name: `Taker ${uniqueSuffix()}` });
    await page.goto(mappingPath);
    await page.getByRole("button", { name: "Refresh Dialpad users" }).click();
    await expect(page.getByText(/^Fetched \d+ Dialpad users;/)).toBeVisible();
    await expect.poll(async () => (await listEmployeeDialpadLinks(db, organization.id)).find((l) => l.employeeId === holder.id)?.dialpadUserId).toBe(holderUser.id);

    await page.reload();
    await page.getByLabel("Search employees").fill(taker.name);
    const choose = page.getByRole("button", { name: `Choose a Dialpad user for ${taker.name}` });
    await choose.click();
    const select = page.getByLabel(`Dialpad user for ${taker.name}`);
    await expect(select).toBeFocused();
    await select.selectOption(`user:${holderUser.id}`);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "will lose" })).toHaveText(`${holder.name} will lose this Dialpad user.`);
    await expect(page.getByRole("button", { name: `Move to ${taker.name}` })).toBeFocused();
    expect(await listSeriousViolations(page)).toEqual([]);
    await testInfo.attach("mapping-take-confirm-1440.png", { body: await page.screenshot(), contentType: "image/png" });
    await page.getByRole("button", { name: "Cancel" }).first().click();
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(choose).toBeFocused();
    expect((await listEmployeeDialpadLinks(db, organization.id)).find((l) => l.employeeId === holder.id)?.dialpadUserId).toBe(holderUser.id);

    await page.getByLabel("Search employees").fill(holder.name);
    const holderRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: holder.name, exact: true }) });
    await holderRow.getByRole("button", { name: "Clear" }).click();
    await expect(holderRow.getByRole("status")).toHaveText(
      `${holder.name} will no longer be mapped to ${holderUser.firstName} ${holderUser.lastName}; their calls stop counting toward their score.`,
    );
    await holderRow.getByRole("button", { name: "Cancel" }).click();
    await expect(holderRow.getByRole("button", { name: `Choose a Dialpad user for ${holder.name}` })).toBeFocused();

    const accept = page.getByRole("button", { name: /^Accept all suggestions \(\d+\)$/ });
    if ((await accept.textContent()) === "Accept all suggestions (0)") await expect(accept).toBeDisabled();
    await page.getByLabel("Search employees").fill("");
    await checkBothWidths(page, testInfo, "mapping");
  });

  test("changing pages shows a loading state at once", async ({ page }) => {
    await page.goto("/settings");
    // Hold the navigation's own request (not the prefetch) so the loading state has time to be seen.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/employees**", async (route) => {
      const headers = route.request().headers();
      if (headers.rsc && !headers["next-router-prefetch"]) await held;
      await route.continue();
    });
    await page.getByRole("link", { name: "Employees", exact: true }).click();
    await expect(page.getByTestId("route-loading")).toBeVisible();
    await expect(page.getByTestId("route-loading")).toContainText("Loading…");
    release();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Employees");
    await expect(page.getByTestId("route-loading")).toHaveCount(0);
  });
});
