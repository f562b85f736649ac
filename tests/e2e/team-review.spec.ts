import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "./support/test";
import { addDays, formatDayKey, formatLocalTimeWithZone } from "@/lib/dates";
import { listSeriousViolations, measureHorizontalOverflow } from "./support/axe";
import { getE2eDb } from "./support/e2e-db";
import { signIn } from "./support/sign-in";
import { arrangeTeamReview } from "./support/team-review-arrange";

// The Team day as a manager scans it (issue 15 points 1, 3 and 8; issue 16 point 2; issue 17's team day).
test.use({ storageState: { cookies: [], origins: [] }, viewport: { width: 1440, height: 900 } });

const teamTable = (page: Page) => page.getByRole("table", { name: "Team day" });
const rowOf = (page: Page, name: string) => teamTable(page).getByRole("row").filter({ hasText: name });

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
}

test("a manager scans the team day: bands, deltas, score order, server paging, honest states, phone cards", async ({ page }, testInfo) => {
  test.slow();
  const team = await arrangeTeamReview(getE2eDb());
  await signIn(page, team.admin.user.email, team.admin.user.password);
  await page.goto(`/team?date=${team.dayKey}`);

  // Sorted by score, high to low; each score a chip with its band in words, and the change against the person's own week.
  await expect(teamTable(page).getByRole("link").first()).toHaveText(team.bea.name);
  await expect(teamTable(page).getByRole("link").nth(1)).toHaveText(team.cal.name);
  await expect(teamTable(page).getByRole("link").nth(2)).toHaveText(team.dee.name);
  await expect(teamTable(page).getByRole("link").nth(3)).toHaveText(`Zed Filler 001 ${team.tag}`);
  await expect(rowOf(page, team.bea.name).getByRole("cell").nth(1)).toHaveText("100 Strong");
  await expect(rowOf(page, team.bea.name).getByRole("cell").nth(2)).toHaveText("▲ 100 vs 7-day avg");
  await expect(rowOf(page, team.cal.name).getByRole("cell").nth(1)).toHaveText("60 Typical");
  await expect(rowOf(page, team.cal.name).getByRole("cell").nth(2)).toHaveText("▲ 48 vs 7-day avg");
  await expect(rowOf(page, team.dee.name).getByRole("cell").nth(1)).toHaveText("25 Low");
  await expect(rowOf(page, team.dee.name).getByRole("cell").nth(2)).toHaveText("▲ 5 vs 7-day avg");
  await expect(rowOf(page, team.dee.name).getByRole("cell").nth(3)).toHaveText("30m 00s");
  await expect(rowOf(page, `Zed Filler 001 ${team.tag}`).getByRole("cell").nth(2)).toHaveText("± 0 vs 7-day avg");
  await expect(page.getByText("Strong 75–100: a good day")).toBeVisible();
  await expect(page.getByText("Each row is that person's local day, in their own time zone.", { exact: false })).toBeVisible();

  // Averages over all 120 mapped people, not the page: (100 + 60 + 25) / 120 rounds to 2.
  await expect(page.getByTestId("team-average-score")).toHaveText("2");
  await expect(page.getByTestId("team-average")).toContainText("120 of 124 people scored");
  await expect(page.getByTestId("team-unmapped")).toHaveText("4 people not mapped → fix mapping · list them");
  await expect(page.getByRole("link", { name: "fix mapping" })).toHaveAttribute("href", "/settings/products/phone-system/mapping");
  await expect(page.getByRole("link", { name: "Range" })).toHaveAttribute("href", `/team/range?from=${addDays(team.dayKey, -6)}&to=${team.dayKey}`);
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", `/api/exports/team?from=${team.dayKey}&to=${team.dayKey}`);

  // The sparkline takes focus and shows one day's value; ← steps back a day.
  const sparkline = rowOf(page, team.dee.name).getByRole("img", { name: /^Last 14 days: / });
  await sparkline.focus();
  await expect(sparkline).toContainText(`${formatDayKey(team.dayKey)}: 25`);
  await page.keyboard.press("ArrowLeft");
  await expect(sparkline).toContainText(`${formatDayKey(addDays(team.dayKey, -1))}: 100`);

  expect(await listSeriousViolations(page)).toEqual([]);
  await attachScreenshot(page, testInfo, "team-day-1440");

  // 120 mapped people: 100 on page 1, the last 20 (by name among the zeros) on page 2.
  await expect(page.getByText("1–100 of 120 people")).toBeVisible();
  await page.getByRole("link", { name: "Next page →" }).click();
  await expect(page).toHaveURL(`/team?date=${team.dayKey}&page=2`);
  await expect(page.getByText("Page 2 of 2")).toBeVisible();
  await expect(teamTable(page).getByRole("row")).toHaveCount(21);
  await expect(teamTable(page).getByRole("link").first()).toHaveText(`Zed Filler 098 ${team.tag}`);

  // Search and sort run on the server and stay in the URL.
  await page.getByLabel("Search people").fill("dee dip");
  await page.getByLabel("Search people").press("Enter");
  await expect(page).toHaveURL(/q=dee\+dip/);
  await expect(teamTable(page).getByRole("link")).toHaveText([team.dee.name]);
  await page.getByRole("link", { name: "list them" }).click();
  await expect(page).toHaveURL(/show=not-mapped/);
  await expect(teamTable(page).getByRole("link")).toHaveCount(0);
  await page.goto(`/team?date=${team.dayKey}&show=not-mapped&sort=name`);
  await expect(teamTable(page).getByRole("link")).toHaveText([
    team.admin.user.name, `Una Unmapped 1 ${team.tag}`, `Una Unmapped 2 ${team.tag}`, `Una Unmapped 3 ${team.tag}`,
  ]);
  await expect(rowOf(page, team.admin.user.name).getByRole("cell").nth(1)).toHaveText("Not mapped");

  // Under 640 px: cards (name, chip, delta, talk time, chevron), no sideways scroll.
  await page.goto(`/team?date=${team.dayKey}`);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(teamTable(page)).toBeHidden();
  const firstCard = page.getByRole("list", { name: "Team day" }).getByRole("link").first();
  await expect(firstCard).toContainText(team.bea.name);
  await expect(firstCard).toContainText("100 Strong");
  await expect(firstCard).toContainText("2h 00m");
  expect(await measureHorizontalOverflow(page), "horizontal scroll at 390px").toBeLessThanOrEqual(0);
  expect(await listSeriousViolations(page)).toEqual([]);
  await attachScreenshot(page, testInfo, "team-day-390");
  await page.setViewportSize({ width: 1440, height: 900 });

  // A day before the synced history: no scores (—), no average, and the employee day's banner.
  await page.goto(`/team?date=${team.beforeHistory}`);
  await expect(page.getByTestId("day-status")).toHaveText(
    `No data: this day is before Daymark's synced history, which starts ${formatDayKey(team.historyStartDay)}, so there are no scores (—).`,
  );
  await expect(page.getByTestId("team-average-score")).toHaveText("—");
  await expect(page.getByTestId("team-average")).toContainText("0 of 124 people scored");
  await expect(rowOf(page, team.bea.name).getByRole("cell").nth(1)).toHaveText("—");

  // Today is in progress, synced up to a time with its zone.
  await page.goto("/team");
  await expect(page.getByTestId("day-status")).toHaveText(
    `In progress · synced up to ${formatLocalTimeWithZone(team.lastSyncAt, team.timeZone)}; scores may still change until the day ends.`,
  );
  await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  await expect(page.getByText(`${formatDayKey(team.today)} (today, in progress)`)).toBeVisible();
});
