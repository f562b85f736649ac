import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { addDays, formatDayKey } from "@/lib/dates";
import { adminStorageState } from "./support/accounts";
import { listSeriousViolations, measureHorizontalOverflow } from "./support/axe";
import { expectNotFoundPage, signIn } from "./support/sign-in";
import { addCallToday, arrangeBusyDay, arrangeViewsTeam } from "./support/views-arrange";

async function expectAccessibleAtBothWidths(page: Page) {
  expect(await listSeriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 800 });
  expect(await measureHorizontalOverflow(page), "horizontal scroll at 390px").toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

const callsTable = (page: Page) => page.getByRole("table", { name: /Calls on this day/ });
const timeline = (page: Page) => page.getByRole("list", { name: "Calls on the timeline" });

test.use({ viewport: { width: 1280, height: 800 } });

test("a manager opens the team day, goes to a report's day and steps between days", async ({ page }) => {
  const team = await arrangeViewsTeam();
  await signIn(page, team.manager.user.email, team.manager.user.password);
  await page.goto(`/team?date=${team.dayKey}`);

  const table = page.getByRole("table", { name: "Team day" });
  // The manager has no Dialpad user: folded into the footer, not a row of dashes.
  await expect(table.getByRole("link")).toHaveText([team.report.name]);
  await expect(page.getByTestId("team-unmapped")).toHaveText("1 person not mapped → ask an administrator to map them · list them");
  const rheaRow = table.getByRole("row").filter({ hasText: team.report.name });
  // Three overlapping calls from 09:01 to 09:40 count once: 39 minutes, two connected calls.
  await expect(rheaRow.getByRole("cell").nth(3)).toHaveText("39m 00s");
  await expect(rheaRow.getByRole("cell").nth(4)).toHaveText("2");
  await expect(rheaRow.getByRole("cell").nth(5)).toHaveText("0 left · 1 received");
  await expect(rheaRow.getByRole("img", { name: /^Last 14 days: / })).toBeVisible();
  // The manager has no Dialpad user, so the talk-time average is Rhea's alone.
  await expect(page.getByTestId("team-average")).toContainText("39m 00s");
  await expectAccessibleAtBothWidths(page);

  await page.getByLabel("Search people").fill("rhea");
  await page.getByLabel("Search people").press("Enter");
  await expect(page).toHaveURL(/q=rhea/);
  await expect(table.getByRole("link")).toHaveText([team.report.name]);
  await page.getByRole("button", { name: "Counted talk" }).click();
  await expect(page).toHaveURL(/q=rhea&sort=talk$/);
  await page.reload();
  await expect(page.getByLabel("Search people")).toHaveValue("rhea");
  await expect(table.getByRole("link")).toHaveText([team.report.name]);

  await table.getByRole("link", { name: team.report.name }).click();
  await expect(page).toHaveURL(`/employees/${team.report.id}?date=${team.dayKey}`);
  await expect(page.getByRole("heading", { level: 1, name: team.report.name })).toBeVisible();
  await expect(page.getByRole("heading", { name: formatDayKey(team.dayKey) })).toBeVisible();
  await expect(page.getByTestId("day-talk")).toHaveText("39m 00s");
  await expect(callsTable(page).getByRole("row")).toHaveCount(6);
  await expect(callsTable(page).getByRole("row").nth(4)).toContainText("Flagged");
  await expect(timeline(page).getByRole("link")).toHaveCount(5);
  await page.getByRole("button", { name: "Zoom to the calls" }).click();
  await expect(page.getByRole("button", { name: "Show the whole day" })).toHaveAttribute("aria-pressed", "true");
  await expectAccessibleAtBothWidths(page);

  await page.getByRole("link", { name: /^Previous day/ }).click();
  await expect(page).toHaveURL(`/employees/${team.report.id}?date=${addDays(team.dayKey, -1)}`);
  await expect(callsTable(page).getByRole("row")).toHaveCount(2);
  await expect(callsTable(page)).toContainText(`Dawn ${team.tag}`);
  await page.getByRole("link", { name: /^Next day/ }).click();
  await expect(page.getByRole("heading", { name: formatDayKey(team.dayKey) })).toBeVisible();
  await expect(callsTable(page).getByRole("row")).toHaveCount(6);

  await page.getByLabel("Day", { exact: true }).fill(addDays(team.dayKey, -1));
  await page.getByRole("button", { name: "Go" }).click();
  await expect(page).toHaveURL(`/employees/${team.report.id}?date=${addDays(team.dayKey, -1)}`);
});

test("calls open in a modal from the table and the timeline, linked legs follow, and a refresh shows the page", async ({ page }) => {
  const team = await arrangeViewsTeam();
  const [first, second, third] = team.rheaCalls;
  await signIn(page, team.manager.user.email, team.manager.user.password);
  await page.goto(`/employees/${team.report.id}?date=${team.dayKey}`);

  await callsTable(page).getByRole("row").nth(1).getByRole("link").click();
  const modal = page.getByRole("dialog", { name: `Inbound call with Acme ${team.tag}` });
  await expect(modal).toBeVisible();
  await expect(page).toHaveURL(`/employees/${team.report.id}/calls/${first!.id}`);
  await expect(modal.getByTestId("call-counted")).toHaveText("19m 00s");
  await expect(modal).toContainText("Recorded");
  await expect(modal).toContainText("sales");
  await expect(modal.getByText("Raw Dialpad record")).toHaveCount(0);
  await expect(modal.getByRole("button", { name: "Close" })).toBeFocused();
  expect(await listSeriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(modal).toHaveCount(0);
  await expect(page).toHaveURL(`/employees/${team.report.id}?date=${team.dayKey}`);
  await expect(callsTable(page).getByRole("row").nth(1).getByRole("link")).toBeFocused();

  await timeline(page).locator(`a[href$="/calls/${third!.id}"]`).click();
  await expect(page.getByRole("dialog", { name: `Inbound call with Cora ${team.tag}` })).toBeVisible();
  await page.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // Keyboard: tab to the second bar and open it.
  await timeline(page).locator(`a[href$="/calls/${second!.id}"]`).focus();
  await page.keyboard.press("Enter");
  const secondModal = page.getByRole("dialog", { name: `Outbound call with Bolt ${team.tag}` });
  await expect(secondModal).toBeVisible();
  const legs = secondModal.getByRole("table", { name: /Legs of this call/ });
  await expect(legs.getByRole("row")).toHaveCount(4);
  // Otto is outside the manager's team: his leg is listed but not linked.
  await expect(legs.getByRole("link")).toHaveText([team.report.name]);
  await expect(legs).toContainText("Someone outside your team");
  await legs.getByRole("link", { name: team.report.name }).click();
  await expect(page).toHaveURL(`/employees/${team.report.id}/calls/${first!.id}`);
  await expect(page.getByRole("dialog", { name: `Inbound call with Acme ${team.tag}` })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1, name: `Inbound call with Acme ${team.tag}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `← ${team.report.name}'s day` })).toBeVisible();
  await expectAccessibleAtBothWidths(page);
});

test.describe("as the admin", () => {
  test.use({ storageState: adminStorageState });

  test("sees the raw Dialpad record and follows a transfer leg to another employee", async ({ page }) => {
    const team = await arrangeViewsTeam();
    await page.goto(`/employees/${team.report.id}?date=${team.dayKey}`);
    await callsTable(page).getByRole("row").nth(1).getByRole("link").click();
    const modal = page.getByRole("dialog");
    await modal.getByText("Raw Dialpad record (admins only)").click();
    await expect(modal.locator("pre")).toContainText(team.rheaCalls[0]!.dialpadCallId);
    await modal.getByRole("table", { name: /Legs of this call/ }).getByRole("link", { name: team.outsider.name }).click();
    await expect(page).toHaveURL(`/employees/${team.outsider.id}/calls/${team.ottoCall.id}`);
    await expect(page.getByRole("dialog")).toContainText(team.outsider.name);
  });

  test("a bad date shows today with a message, never an error", async ({ page }) => {
    const team = await arrangeViewsTeam();
    const response = await page.goto("/team?date=2026-02-31");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: "is not a date" })).toContainText("“2026-02-31” is not a date Daymark can show");
    await page.goto(`/employees/${team.report.id}?date=nonsense&date=2020-01-01`);
    await expect(page.getByRole("alert").filter({ hasText: "is not a date" })).toContainText("“nonsense” is not a date");
    await expect(page.getByRole("heading", { name: new RegExp(`${formatDayKey(team.today)} · today`) })).toBeVisible();
  });

  test("a day with 300 calls: the server renders 300 bars and the first 50 rows, the browser every row", async ({ page }) => {
    const { employee, dayKey } = await arrangeBusyDay(300);
    const html = await (await page.request.get(`/employees/${employee.id}?date=${dayKey}`)).text();
    const tableStart = html.indexOf("<tbody", html.indexOf("Calls on this day"));
    const tableHtml = html.slice(tableStart, html.indexOf("</tbody>", tableStart));
    expect(tableHtml.match(/<tr/g)).toHaveLength(50);
    const timelineStart = html.indexOf('aria-label="Calls on the timeline"');
    const timelineHtml = html.slice(timelineStart, html.indexOf("</ol>", timelineStart));
    expect(timelineHtml.match(/<li /g)).toHaveLength(300);
    expect(timelineHtml.match(/<a href="/g)).toHaveLength(300);

    await page.goto(`/employees/${employee.id}?date=${dayKey}`);
    await expect(callsTable(page).getByRole("row")).toHaveCount(301);
    await expect(timeline(page).getByRole("link")).toHaveCount(300);
    const timeOfRow = (index: number) => callsTable(page).getByRole("row").nth(index).getByRole("link").textContent();
    const [earliest, latest] = [await timeOfRow(1), await timeOfRow(300)];
    // Sorted by the URL: the server's first rows and the browser's full table agree on the order.
    await page.goto(`/employees/${employee.id}?date=${dayKey}&sort=time&dir=desc`);
    await expect(callsTable(page).getByRole("row")).toHaveCount(301);
    expect([await timeOfRow(1), await timeOfRow(300)]).toEqual([latest, earliest]);
  });
});

test("new calls appear on today's page without a manual refresh", async ({ page }) => {
  const team = await arrangeViewsTeam();
  await signIn(page, team.manager.user.email, team.manager.user.password);
  await page.goto(`/employees/${team.report.id}`);
  await expect(page.getByRole("heading", { name: new RegExp(`${formatDayKey(team.today)} · today`) })).toBeVisible();
  await expect(callsTable(page)).toContainText("No calls on this day.");
  await addCallToday(`rhea-${team.tag}`, `Live ${team.tag}`);
  await expect(callsTable(page)).toContainText(`Live ${team.tag}`, { timeout: 25_000 });
});

test("an empty day says why", async ({ page }) => {
  const team = await arrangeViewsTeam();
  await signIn(page, team.manager.user.email, team.manager.user.password);
  await page.goto(`/employees/${team.manager.employee!.id}?date=${team.dayKey}`);
  await expect(page.getByTestId("day-status")).toHaveText(
    `No calls: ${team.manager.user.name} is not linked to a Dialpad user, so no calls are attributed to them. Ask an administrator to link them.`,
  );
  await expect(page.getByTestId("day-score")).toContainText("Not linked to a Dialpad user.");
  await page.goto(`/employees/${team.report.id}?date=${addDays(team.today, 1)}`);
  await expect(page.getByRole("alert").filter({ hasText: "is not a date" })).toHaveCount(0);
  await expect(page.getByTestId("day-status")).toHaveText("This day has not started yet in the employee's time zone.");
});

test("outside the team, another organization, unknown calls and other people's calls are 404", async ({ page }) => {
  const team = await arrangeViewsTeam();
  await signIn(page, team.manager.user.email, team.manager.user.password);
  await expectNotFoundPage(page, `/employees/${team.outsider.id}`);
  await expectNotFoundPage(page, `/employees/${team.outsider.id}?date=${team.dayKey}`);
  await expectNotFoundPage(page, `/employees/${team.foreign.id}`);
  await expectNotFoundPage(page, `/employees/${team.report.id}/calls/999999999`);
  await expectNotFoundPage(page, `/employees/${team.report.id}/calls/abc`);
  await expectNotFoundPage(page, `/employees/${team.report.id}/calls/${team.ottoCall.id}`);
  await expectNotFoundPage(page, `/employees/${team.outsider.id}/calls/${team.ottoCall.id}`);
  await expectNotFoundPage(page, `/employees/${team.foreign.id}/calls/${team.rheaCalls[0]!.id}`);
});
