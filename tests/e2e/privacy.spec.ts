import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { countEveryTable, countRowsWithValue } from "@/db/queries/testing/table-counts";
import { listSeriousViolations } from "./support/axe";
import { getE2eDb } from "./support/e2e-db";
import { arrangePrivacyTeam } from "./support/privacy-arrange";
import { signIn, signOut } from "./support/sign-in";

test.use({ viewport: { width: 1280, height: 800 } });
// Three sign-ins and axe runs on a shared, busy machine.
test.setTimeout(180_000);

async function expectAccessible(page: Page) {
  expect(await listSeriousViolations(page)).toEqual([]);
}

test("a manager sees a masked number, an admin turns on recording links, the employee sees the manager's visit in My data", async ({ page }, testInfo) => {
  const team = await arrangePrivacyTeam();
  const callPath = `/employees/${team.rita.employee.id}/calls/${team.ritaCall.id}`;

  await signIn(page, team.manager.user.email, team.manager.user.password);
  await page.goto(`/employees/${team.rita.employee.id}?date=${team.dayKey}`);
  await page.goto(callPath);
  await expect(page.getByText("+1 ••• ••• 0142").first()).toBeVisible();
  await expect(page.getByText("+14155550142")).toHaveCount(0);
  expect(await page.content()).not.toContain("5550142");
  await expect(page.getByRole("link", { name: /Listen in Dialpad/ })).toHaveCount(0);
  await signOut(page);

  await signIn(page, team.admin.user.email, team.admin.user.password);
  await page.goto("/settings/privacy");
  await expect(page.getByLabel("Keep call legs for (months)")).toHaveValue("13");
  await expect(page.getByLabel("Keep daily scores for (months)")).toHaveValue("25");
  await expectAccessible(page);
  await page.getByRole("checkbox", { name: "Link to recordings in Dialpad" }).check();
  await page.getByRole("button", { name: "Save privacy settings" }).click();
  await expect(page.getByText("Privacy settings saved.")).toBeVisible();
  await page.goto(callPath);
  // Admins see numbers whole by default.
  await expect(page.getByText("+14155550142").first()).toBeVisible();
  const listen = page.getByRole("link", { name: /Listen in Dialpad/ });
  await expect(listen).toHaveAttribute("href", `https://dialpad.test/shared/call/${team.tag}`);
  await expect(listen).toHaveAttribute("target", "_blank");
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, team.rita.user.email, team.rita.user.password);
  await page.goto("/");
  await expect(page).toHaveURL(`/employees/${team.rita.employee.id}`);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link")).toHaveText(["My day", "My data"]);
  await nav.getByRole("link", { name: "My data" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My data" })).toBeVisible();
  await expect(page.getByText("Call legs are deleted after 13 months; the day keeps its score.")).toBeVisible();
  const log = page.getByTestId("data-views");
  // Newest first: the manager opened Rita's day, then the call.
  const visits = log.getByRole("row").filter({ hasText: team.manager.user.name });
  await expect(visits).toHaveText([/Opened one of your calls · Call at 10:00/, /Opened your day/]);
  await expectAccessible(page);
  await testInfo.attach("my-data-1440", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  await page.setViewportSize({ width: 390, height: 800 });
  await testInfo.attach("my-data-390", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
});

test("an admin erases an employee after typing their name, and no row about them is left", async ({ page }) => {
  const team = await arrangePrivacyTeam();
  const db = getE2eDb();
  const before = await countEveryTable(db);
  expect((await countRowsWithValue(db, "employee_id", team.erin.id)).daily_scores).toBe(1);

  await signIn(page, team.admin.user.email, team.admin.user.password);
  await page.goto(`/employees/${team.erin.id}/edit`);
  await expectAccessible(page);
  await page.getByLabel(`Type ${team.erin.name} to confirm`).fill("Erin");
  await page.getByRole("button", { name: `Erase ${team.erin.name}` }).click();
  await expect(page.getByText(`Type ${team.erin.name} exactly to confirm.`)).toBeVisible();
  await page.getByLabel(`Type ${team.erin.name} to confirm`).fill(team.erin.name);
  await page.getByRole("button", { name: `Erase ${team.erin.name}` }).click();
  await expect(page).toHaveURL(/\/employees\?erased=1$/);

  const left = await countRowsWithValue(db, "employee_id", team.erin.id);
  expect(Object.entries(left).filter(([, n]) => n > 0)).toEqual([]);
  expect((await countRowsWithValue(db, "dialpad_user_id", `erin-${team.tag}`)).calls).toBe(0);
  const after = await countEveryTable(db);
  // Other specs may write at the same time, so only these tables are compared exactly.
  expect([after.employees! - before.employees!, after.calls! - before.calls!]).toEqual([-1, -1]);
  // The day page streams (loading.tsx), so its not-found answer is the page, not a 404 status.
  await page.goto(`/employees/${team.erin.id}`);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
